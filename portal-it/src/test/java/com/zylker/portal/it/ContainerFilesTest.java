package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container files as text (no Docker engine runs here; docker/README.md says what else was checked and
 * how): .env.example lists exactly the variables compose.yaml reads, with no values; the image is
 * multi-stage, runs as a non-root user with a health check, starts bin/start-portal.sh in production mode,
 * copies files that exist and never the zoho-sandbox; compose has MySQL 8.4 with a volume, two portal nodes
 * named as nginx.conf's upstream names them, and nginx is the one trusted proxy.
 */
class ContainerFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();

    @Test
    void envExampleListsEveryVariableOfTheComposeFileAndNoValue() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(read("docker/compose.yaml"));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : read(".env.example").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as(".env.example lines are NAME= without a value").matches("[A-Z][A-Z0-9_]*=");
            listed.add(line.substring(0, line.length() - 1));
        }
        assertThat(listed).as(".env.example vs the variables compose.yaml reads").isEqualTo(used);
    }

    @Test
    void theImageIsMultiStageNonRootHealthCheckedAndStartsTheScriptInProductionMode() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).as("stages").isEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^USER portal$")
                .containsPattern("(?m)^HEALTHCHECK ")
                .containsPattern("(?m)^(ENV |\\s+)PORTAL_MODE=production\\b")
                .containsPattern("(?m)^(ENV |\\s+)PORTAL_BIND_ADDRESS=0\\.0\\.0\\.0\\b")
                .contains("ENTRYPOINT [\"bash\", \"/opt/portal/bin/start-portal.sh\"]")
                .doesNotContain("zoho-sandbox.war").doesNotContain("zoho-sandbox/target");
        assertThat(dockerfile.indexOf("USER portal")).as("USER before ENTRYPOINT").isLessThan(dockerfile.indexOf("ENTRYPOINT"));
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
        while (copy.find()) {
            sources.add(copy.group(1));
        }
        assertThat(sources).as("files copied from the build context").isNotEmpty()
                .allSatisfy(source -> assertThat(source.equals(".") || Files.exists(ROOT.resolve(source)))
                        .as("%s exists", source).isTrue());
        assertThat(read(".dockerignore")).contains("**/target/").contains(".env");
    }

    @Test
    void composeRunsMySqlTwoPortalNodesAndNginxAsTheOnlyTrustedProxy() throws IOException {
        String compose = read("docker/compose.yaml");
        String nginx = read("docker/nginx.conf");
        assertThat(compose).contains("image: mysql:8.4").contains("db-data:/var/lib/mysql")
                .containsPattern("(?m)^  portal-1:\\n    <<: \\*portal$")
                .containsPattern("(?m)^  portal-2:\\n    <<: \\*portal$")
                .contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        assertThat(nginx).contains("server portal-1:8080 ").contains("server portal-2:8080 ")
                .doesNotContainPattern("(?m)^\\s*(ip_hash|hash|sticky|least_conn)\\b");
        Matcher proxy = Pattern.compile("PORTAL_TRUSTED_PROXIES: (\\S+)").matcher(compose);
        Matcher nginxAddress = Pattern.compile("ipv4_address: (\\S+)").matcher(compose);
        assertThat(proxy.find()).isTrue();
        assertThat(nginxAddress.find()).isTrue();
        assertThat(proxy.group(1)).as("trusted proxy = nginx's address").isEqualTo(nginxAddress.group(1));
    }

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }
}
