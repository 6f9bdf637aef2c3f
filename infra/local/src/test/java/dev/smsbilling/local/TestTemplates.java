package dev.smsbilling.local;

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
}
