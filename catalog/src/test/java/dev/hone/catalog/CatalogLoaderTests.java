package dev.hone.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogLoaderTests {

    @TempDir
    Path bank;

    @Test
    void reportsAYamlErrorAsFileLineAndReason() throws Exception {
        copyFixture("broken/yaml-syntax");

        assertThatThrownBy(() -> CatalogLoader.fromDirectory(bank))
                .isInstanceOf(CatalogLoader.CatalogException.class)
                .hasMessageStartingWith("questions/core.gil.yaml:29: ")
                .satisfies(e -> assertThat(((CatalogLoader.CatalogException) e).line()).isEqualTo(29));
    }

    @Test
    void reportsAnUnknownFieldWithItsLine() throws Exception {
        copyFixture("broken/unknown-field");

        assertThatThrownBy(() -> CatalogLoader.fromDirectory(bank))
                .hasMessageStartingWith("questions/core.gil.yaml:5: Unrecognized field \"dificulty\"");
    }

    @Test
    void rejectsAKeyWrittenTwice() throws Exception {
        copyFixture("broken/duplicate-key");

        assertThatThrownBy(() -> CatalogLoader.fromDirectory(bank))
                .hasMessageStartingWith("questions/core.gil.yaml:40: Duplicate field 'answer'");
    }

    @Test
    void keepsAnUnquotedKeyAsWrittenRatherThanAsAYamlBooleanOrNumber() throws Exception {
        copyFixture("valid");
        Path file = bank.resolve("questions/core.gil.yaml");
        Files.writeString(file, Files.readString(file)
                .replace("    answer: |\n      [0, 1, 4]\n      False\n", "    answer: True\n")
                .replace("    answer: \"raises: KeyError\"\n", "    answer: 1.0\n"));

        Catalog catalog = CatalogLoader.fromDirectory(bank);

        assertThat(catalog.question("core.gil.q04").orElseThrow().answer().text()).isEqualTo("True");
        assertThat(catalog.question("core.gil.q03").orElseThrow().answer().text()).isEqualTo("1.0");
    }

    private void copyFixture(String name) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/" + name).toURI());
        try (var paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = bank.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
