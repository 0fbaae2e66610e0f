package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code bin/start-portal.sh} decides before it starts Payara Micro, read from its
 * {@code PORTAL_PRINT_COMMAND=true} output (no server starts): a production start never deploys the sandbox
 * and refuses to be asked to, whether the mode comes from {@code PORTAL_MODE} or {@code -Dportal.mode};
 * WARs come from {@code PORTAL_WAR_DIR}; the listeners bind {@code PORTAL_BIND_ADDRESS}, loopback by default
 * and always in demo mode.
 */
class StartScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("portal.root", "..")).toAbsolutePath().normalize();
    private static Path wars;
    private static Path runtime;

    @BeforeAll
    static void fakeImageLayout() throws IOException {
        Path base = Files.createDirectories(ROOT.resolve("portal-it/target/start-script-test"));
        wars = Files.createDirectories(base.resolve("wars"));
        runtime = Files.createDirectories(base.resolve("runtime"));
        for (String war : List.of("portal-web", "crm-module", "books-module", "zoho-sandbox")) {
            Files.writeString(wars.resolve(war + ".war"), "");
        }
        Files.writeString(runtime.resolve("payara-micro.jar"), "");
    }

    @Test
    void productionNeverDeploysTheSandboxAndReadsTheWarsFromTheirFolder() throws Exception {
        Result result = run("production", Map.of("PORTAL_MODE", "production", "PORTAL_BIND_ADDRESS", "0.0.0.0"));

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.deployed()).containsExactly(wars.resolve("portal-web.war").toString(),
                wars.resolve("crm-module.war").toString(), wars.resolve("books-module.war").toString());
        assertThat(result.preboot()).contains("http-listener.address=0.0.0.0").doesNotContain("127.0.0.1")
                .contains("hazelcast-config-specific-configuration.enabled=false");
        // The management endpoints on a loopback listener of their own; the WARs on the portal's server only.
        assertThat(result.postboot()).contains("create-http-listener --listenerport=9080 --listeneraddress=127.0.0.1")
                .contains("set-metrics-configuration --virtualservers=management")
                .contains("set-microprofile-healthcheck-configuration --virtualservers=management")
                .contains("set-openapi-configuration --virtualservers=management")
                .contains("deploy --virtualservers=server --name=portal-web ");
        assertThat(result.output).doesNotContain("--deploy");
    }

    @Test
    void managementEndpointsMoveOnlyWhenAskedInDemoAndNeverBeyondLoopback() throws Exception {
        Result demo = run("mgmt-demo", Map.of());
        Result demoOwnPort = run("mgmt-demo-port", Map.of("PORTAL_MANAGEMENT_PORT", "9191"));
        Result demoOnAllInterfaces = run("mgmt-demo-bind", Map.of("PORTAL_MANAGEMENT_PORT", "9191",
                "PORTAL_MANAGEMENT_ADDRESS", "0.0.0.0"));
        Result samePort = run("mgmt-same", Map.of("PORTAL_MODE", "production", "PORTAL_MANAGEMENT_PORT", "8080"));
        Result notAPort = run("mgmt-nan", Map.of("PORTAL_MODE", "production", "PORTAL_MANAGEMENT_PORT", "90; x"));

        assertThat(demo.postboot()).doesNotContain("management");
        assertThat(demoOwnPort.postboot()).contains("--listenerport=9191 --listeneraddress=127.0.0.1");
        assertThat(demoOwnPort.deployed()).hasSize(4);
        assertThat(demoOnAllInterfaces.exit).isNotZero();
        assertThat(demoOnAllInterfaces.output).contains("demo mode listens on loopback only: PORTAL_MANAGEMENT_ADDRESS");
        assertThat(samePort.exit).isNotZero();
        assertThat(samePort.output).contains("PORTAL_MANAGEMENT_PORT must differ from PORTAL_PORT");
        assertThat(notAPort.exit).isNotZero();
        assertThat(notAPort.output).contains("PORTAL_MANAGEMENT_PORT must be a port number");
    }

    @Test
    void demoDeploysTheSandboxOnLoopback() throws Exception {
        Result result = run("demo", Map.of());

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.deployed()).hasSize(4).contains(wars.resolve("zoho-sandbox.war").toString());
        assertThat(result.preboot()).contains("http-listener.address=127.0.0.1").contains("https-listener.address=127.0.0.1");
    }

    @Test
    void productionRefusesToBeAskedForTheSandbox() throws Exception {
        Result byEnvironment = run("refuse-env", Map.of("PORTAL_MODE", "Production", "PORTAL_WITH_SANDBOX", "true"));
        Result bySystemProperty = run("refuse-prop", Map.of("PORTAL_JAVA_OPTS", "-Xmx512m -Dportal.mode=production",
                "PORTAL_WITH_SANDBOX", "true"));

        for (Result result : List.of(byEnvironment, bySystemProperty)) {
            assertThat(result.exit).as(result.output).isNotZero();
            assertThat(result.output).contains("production mode never deploys the zoho-sandbox");
            assertThat(result.deployed()).isEmpty();
        }
    }

    @Test
    void aBindAddressMustBeAnAddressAndTheDemoStaysOnLoopback() throws Exception {
        Result notAnAddress = run("bad-bind", Map.of("PORTAL_MODE", "production", "PORTAL_BIND_ADDRESS", "0.0.0.0; touch x"));
        Result demoOnAllInterfaces = run("demo-bind", Map.of("PORTAL_BIND_ADDRESS", "0.0.0.0"));

        assertThat(notAnAddress.exit).isNotZero();
        assertThat(notAnAddress.output).contains("PORTAL_BIND_ADDRESS must be an IP address");
        assertThat(demoOnAllInterfaces.exit).isNotZero();
        assertThat(demoOnAllInterfaces.output).contains("demo mode listens on loopback only");
        assertThat(demoOnAllInterfaces.deployed()).isEmpty();
    }

    @Test
    void jsonLogsAreOneSwitchAway() throws Exception {
        Result json = run("log-json", Map.of("PORTAL_LOG_FORMAT", "json"));
        Result text = run("log-text", Map.of());
        Result wrong = run("log-wrong", Map.of("PORTAL_LOG_FORMAT", "xml"));

        assertThat(json.exit).as(json.output).isZero();
        assertThat(json.output).contains("--logproperties\n" + ROOT.resolve("etc/payara/logging-json.properties"));
        assertThat(ROOT.resolve("etc/payara/logging-json.properties")).content().contains("JSONLogFormatter");
        assertThat(text.output).doesNotContain("--logproperties");
        assertThat(wrong.exit).isNotZero();
        assertThat(wrong.output).contains("PORTAL_LOG_FORMAT must be text or json");
    }

    private static Result run(String name, Map<String, String> environment) throws Exception {
        Path data = ROOT.resolve("portal-it/target/start-script-test/data-" + name);
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bin/start-portal.sh").toString())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("ZOHO_"));
        builder.environment().put("PORTAL_PRINT_COMMAND", "true");
        builder.environment().put("PORTAL_DATA_DIR", data.toString());
        builder.environment().put("PORTAL_WAR_DIR", wars.toString());
        builder.environment().put("PORTAL_RUNTIME_DIR", runtime.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output, data);
    }

    private record Result(int exit, String output, Path data) {

        /** The WARs deployed: {@code --deploy} arguments, or {@code deploy} commands of the postboot file. */
        List<String> deployed() throws IOException {
            List<String> lines = output.lines().toList();
            List<String> deployed = new ArrayList<>();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if ("--deploy".equals(lines.get(i))) {
                    deployed.add(lines.get(i + 1));
                }
            }
            for (String line : postboot().lines().toList()) {
                if (line.startsWith("deploy ")) {
                    deployed.add(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return deployed;
        }

        String postboot() throws IOException {
            Path file = data.resolve("postboot.asadmin");
            return exit == 0 && Files.exists(file) ? Files.readString(file) : "";
        }

        String preboot() throws IOException {
            return Files.readString(data.resolve("preboot.asadmin"));
        }
    }
}
