package com.zylker.portal.core.zoho.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps token handling in one place: no production class outside {@code core.zoho.http} puts
 * a bearer token on a request. Reads the sources of every module of the build (the sandbox excepted: it is
 * Zoho's side, not ours).
 */
class OneAuthorizedCallTest {

    private static final Path HTTP_PACKAGE = Path.of("com", "zylker", "portal", "core", "zoho", "http");

    @Test
    void onlyTheHttpPackageSendsBearerTokens() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> offenders;
        try (Stream<Path> modules = Files.list(root)) {
            offenders = modules
                    .filter(m -> !m.getFileName().toString().equals("zoho-sandbox"))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(OneAuthorizedCallTest::javaFiles)
                    .filter(f -> !f.getParent().endsWith(HTTP_PACKAGE))
                    .filter(f -> read(f).contains("Zoho-oauthtoken"))
                    .toList();
        }
        assertThat(root.resolve("token-core/src/main/java").resolve(HTTP_PACKAGE).resolve("ZohoApiCalls.java"))
                .as("the scan looks at the right tree").exists();
        assertThat(offenders).as("classes building authorized Zoho requests outside core.zoho.http").isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
