package dev.hone.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's infra folder is (engine configuration, the broker's jars), from any module. */
final class InfraFiles {

    private InfraFiles() {
    }

    static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("infra");
            if (Files.isRegularFile(candidate.resolve("clickhouse").resolve("config.xml.template"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the infra folder was not found above " + Path.of("").toAbsolutePath());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
