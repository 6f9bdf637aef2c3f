package dev.smsbilling.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack's DynamoDB through Testcontainers, for machines where a Docker engine answers. */
public final class LocalStack {
    /** The last 4.x tag that runs without a LocalStack auth token. */
    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");

    private LocalStack() {
    }

    /**
     * Whether a Docker engine answers. Asks Testcontainers only when a socket or DOCKER_HOST
     * suggests one, since its probe is slow and loud on machines that have none.
     */
    public static boolean dockerAnswers(Environment env) {
        boolean hinted = env.get("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hinted) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts a container that lives until the JVM exits (Testcontainers' reaper removes it). */
    @SuppressWarnings("resource") // closed by the shutdown hook
    public static DynamoDbEndpoint start() {
        var container = new LocalStackContainer(IMAGE).withServices(LocalStackContainer.Service.DYNAMODB);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return new DynamoDbEndpoint(container.getEndpoint(), "LocalStack " + IMAGE.getVersionPart() + " via Testcontainers");
    }
}
