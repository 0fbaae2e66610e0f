package com.zylker.portal.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A full Payara Server (the {@code fish.payara.distributions:payara} zip) for the EAR check: unpacked under
 * {@code target/}, its {@code domain1/config/domain.xml} edited <em>before the first start</em> so that every
 * listener (HTTP, HTTPS, admin, IIOP ×3, JMX, OSGi shell, JMS) binds 127.0.0.1 on a free port, Hazelcast and
 * phone-home are off, the JVM gets the portal's system properties, and the server-level pool {@code jdbc/portal}
 * points at MariaDB (the same pool {@code bin/start-portal.sh} creates for Payara Micro). Then
 * {@code asadmin start-domain}, {@code asadmin deploy}, {@code asadmin stop-domain}.
 */
final class PayaraServer implements AutoCloseable {

    private static final String DOMAIN = "domain1";

    private final Path install;
    private final Path domainDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path log;

    private PayaraServer(Path install, Path log) {
        this.install = install;
        this.domainDir = install.resolve("glassfish/domains/" + DOMAIN);
        this.log = log;
    }

    /** Unpacks {@code zip} into {@code folder} (a fresh copy every run: the domain must never have started before). */
    static PayaraServer unpack(Path zip, Path folder) {
        try {
            deleteTree(folder);
            Files.createDirectories(folder);
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = folder.resolve(entry.getName()).normalize();
                    if (!target.startsWith(folder)) {
                        throw new IOException("zip entry outside the folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getName().contains("/bin/")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            return new PayaraServer(folder.resolve("payara6"), folder.resolve("server-and-asadmin.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
    }

    int httpPort() {
        return ports.get("http");
    }

    URI base() {
        return URI.create("http://localhost:" + httpPort() + "/");
    }

    Path serverLog() {
        return domainDir.resolve("logs/server.log");
    }

    Map<String, Integer> ports() {
        return ports;
    }

    /**
     * Loopback only, free ports, Hazelcast and phone-home off, the portal's JVM options and the pool
     * {@code jdbc/portal} (MySQL Connector/J data source; the driver jar goes to the domain's lib/).
     */
    void configure(List<String> jvmOptions, String dbUrl, String dbUser, String dbPassword, Path mysqlDriver) {
        try {
            Path domainXml = domainDir.resolve("config/domain.xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(domainXml.toFile());
            Element domain = doc.getDocumentElement();
            Element config = serverConfig(domain);

            for (Element listener : elements(config, "network-listener")) {
                String name = listener.getAttribute("name");
                String key = switch (name) {
                    case "http-listener-1" -> "http";
                    case "http-listener-2" -> "https";
                    case "admin-listener" -> "admin";
                    default -> name;
                };
                listener.setAttribute("address", "127.0.0.1");
                listener.setAttribute("port", Integer.toString(port(key)));
            }
            for (Element listener : elements(config, "iiop-listener")) {
                listener.setAttribute("address", "127.0.0.1");
                listener.setAttribute("port", Integer.toString(port("iiop-" + listener.getAttribute("id"))));
            }
            for (Element jmx : elements(config, "jmx-connector")) {
                jmx.setAttribute("address", "127.0.0.1");
                jmx.setAttribute("port", Integer.toString(port("jmx")));
            }
            for (Element property : elements(config, "system-property")) {
                if ("JMS_PROVIDER_PORT".equals(property.getAttribute("name"))) {
                    property.setAttribute("value", Integer.toString(port("jms")));
                }
            }
            // Without a jms-service of its own, server-config gets the embedded broker whose lazy-init proxy
            // listens on 0.0.0.0 (a jms-host of "localhost" means every interface). The portal uses no JMS.
            List<Element> jmsServices = elements(config, "jms-service");
            Element jms = jmsServices.isEmpty() ? (Element) config.appendChild(doc.createElement("jms-service"))
                    : jmsServices.get(0);
            jms.setAttribute("type", "DISABLED");
            for (Element jmsHost : elements(jms, "jms-host")) {
                jmsHost.setAttribute("host", "127.0.0.1");
            }
            for (Element hazelcast : elements(config, "hazelcast-config-specific-configuration")) {
                hazelcast.setAttribute("enabled", "false");
            }
            Element phoneHome = doc.createElement("phone-home-runtime-configuration");
            phoneHome.setAttribute("enabled", "false");
            domain.insertBefore(phoneHome, domain.getFirstChild());

            Element javaConfig = elements(config, "java-config").get(0);
            for (Element option : elements(javaConfig, "jvm-options")) {
                String value = option.getTextContent();
                if (value.startsWith("-Xmx")) {
                    option.setTextContent("-Xmx1g");
                } else if (value.startsWith("-Dosgi.shell.telnet.port=")) {
                    option.setTextContent("-Dosgi.shell.telnet.port=" + port("osgi-shell"));
                }
            }
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-Dh2.bindAddress=127.0.0.1");
            for (String value : options) {
                Element option = doc.createElement("jvm-options");
                option.setTextContent(value);
                javaConfig.appendChild(option);
            }

            Element resources = (Element) domain.getElementsByTagName("resources").item(0);
            Element pool = doc.createElement("jdbc-connection-pool");
            pool.setAttribute("name", "portalPool");
            pool.setAttribute("datasource-classname", "com.mysql.cj.jdbc.MysqlDataSource");
            pool.setAttribute("res-type", "javax.sql.DataSource");
            pool.setAttribute("steady-pool-size", "2");
            pool.setAttribute("max-pool-size", "32");
            pool.setAttribute("is-connection-validation-required", "true");
            pool.setAttribute("connection-validation-method", "auto-commit");
            for (Map.Entry<String, String> p : Map.of("url", dbUrl, "user", dbUser, "password", dbPassword).entrySet()) {
                Element property = doc.createElement("property");
                property.setAttribute("name", p.getKey());
                property.setAttribute("value", p.getValue());
                pool.appendChild(property);
            }
            resources.appendChild(pool);
            Element resource = doc.createElement("jdbc-resource");
            resource.setAttribute("pool-name", "portalPool");
            resource.setAttribute("jndi-name", "jdbc/portal");
            resources.appendChild(resource);
            Element server = (Element) domain.getElementsByTagName("server").item(0);
            Element ref = doc.createElement("resource-ref");
            ref.setAttribute("ref", "jdbc/portal");
            server.appendChild(ref);

            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(domainXml.toFile()));

            Files.copy(mysqlDriver, domainDir.resolve("lib").resolve(mysqlDriver.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not edit domain.xml", e);
        }
    }

    void start() {
        asadmin(Duration.ofMinutes(5), "start-domain", "--domaindir", domainDir.getParent().toString(), DOMAIN);
    }

    /** {@code asadmin deploy}: the archive's own context roots ({@code application.xml}), or {@code contextRoot}. */
    void deploy(Path archive, String contextRoot) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(ports.get("admin")),
                "deploy"));
        if (contextRoot != null) {
            args.addAll(List.of("--contextroot", contextRoot));
        }
        args.add(archive.toString());
        asadmin(Duration.ofMinutes(6), args.toArray(String[]::new));
    }

    /** The server's process id, from the domain's pid file. */
    long pid() {
        try {
            return Long.parseLong(Files.readString(domainDir.resolve("config/pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every TCP socket the server process listens on, as {@code address:port} with the address in hex as
     * {@code /proc/net/tcp*} gives it ({@code 0100007F} is 127.0.0.1, {@code 0000…0000} a wildcard).
     */
    List<String> listeningSockets() {
        long pid = pid();
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException ignored) {
                    // the descriptor closed meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if ("0A".equals(f[3]) && inodes.contains(f[9])) {
                        String[] local = f[1].split(":");
                        listening.add(local[0] + ":" + Integer.parseInt(local[1], 16));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return listening;
    }

    /** True when an address from {@code /proc/net/tcp*} is a loopback address (127.0.0.1 or ::1, IPv4-mapped too). */
    static boolean isLoopback(String hexAddress) {
        return switch (hexAddress) {
            case "0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F" -> true;
            default -> false;
        };
    }

    @Override
    public void close() {
        long pid = -1;
        try {
            pid = pid();
        } catch (UncheckedIOException notStarted) {
            // never started, or already stopped
        }
        try {
            asadmin(Duration.ofMinutes(2), "stop-domain", "--domaindir", domainDir.getParent().toString(), DOMAIN);
        } catch (RuntimeException e) {
            // fall through to the process itself
        }
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(server -> {
                server.destroy();
                try {
                    server.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    server.destroyForcibly();
                }
            });
        }
    }

    /** Waits until {@code path} answers anything but a connection failure or 404 (an application is there). */
    boolean answers(String path) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base().resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() != 404;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int port(String key) {
        return ports.computeIfAbsent(key, k -> PortalProcesses.freePort());
    }

    private void asadmin(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", install.resolve("bin/asadmin").toString(),
                "--interactive=false"));
        command.addAll(List.of(args));
        try {
            Files.writeString(log, "$ asadmin " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                    Files.exists(log) ? java.nio.file.StandardOpenOption.APPEND : java.nio.file.StandardOpenOption.CREATE);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + args[0] + " took longer than " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed (" + process.exitValue()
                        + "); see " + log + " and " + serverLog() + ":\n" + tail(log) + "\n" + tail(serverLog()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no " + file + ")";
        }
    }

    private static Element serverConfig(Element domain) {
        for (Element config : elements(domain, "config")) {
            if ("server-config".equals(config.getAttribute("name"))) {
                return config;
            }
        }
        throw new IllegalStateException("domain.xml has no server-config");
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            list.add((Element) node);
        }
        return list;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
