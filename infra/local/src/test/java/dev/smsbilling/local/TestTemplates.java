package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class TestTemplates {
    private TestTemplates() {
    }

    static Path localTestTemplate() {
        try {
            return Path.of(TestTemplates.class.getResource("/local-test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SamTemplate local() {
        return TemplateReader.read(localTestTemplate());
    }

    /** The project's template.yaml as YAML, before SAM transforms it (short tags read as their plain values). */
    static JsonNode projectYaml() {
        try {
            return new YAMLMapper().readTree(Repository.template().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
