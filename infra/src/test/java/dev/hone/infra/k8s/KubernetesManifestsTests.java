package dev.hone.infra.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no kubectl on this machine, so the manifests in infra/k8s are checked here: they parse,
 * every reference resolves, the probes hit Actuator's groups, and the recommender's pods are
 * addressable for interactive queries. Jackson's YAML reader comes with the catalog module.
 */
class KubernetesManifestsTests {

    private static final Path DIR = Path.of("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> objects = load();

    @Test
    void everyObjectHasAKindAndAName() {
        assertThat(objects).isNotEmpty().allSatisfy(o -> {
            assertThat(o.path("apiVersion").asText()).isNotBlank();
            assertThat(o.path("kind").asText()).isNotBlank();
            assertThat(o.path("metadata").path("name").asText()).isNotBlank();
        });
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        Set<String> listed = new HashSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));

        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("kustomization.yaml"))).containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void ingestAndAnalyticsAreDeploymentsAndTheRecommenderAStatefulSetWithAStateVolume() {
        assertThat(workload("Deployment", "hone-ingest")).isNotNull();
        assertThat(workload("Deployment", "hone-analytics")).isNotNull();
        JsonNode recommender = workload("StatefulSet", "hone-recommender");

        JsonNode container = recommender.at("/spec/template/spec/containers/0");
        String stateDir = env(container, "HONE_RECOMMENDER_STATE_DIR");
        String claim = recommender.at("/spec/volumeClaimTemplates/0/metadata/name").asText();

        assertThat(container.path("volumeMounts")).anySatisfy(m -> {
            assertThat(m.path("name").asText()).isEqualTo(claim);
            assertThat(m.path("mountPath").asText()).isEqualTo(stateDir);
        });
    }

    @Test
    void eachRecommenderPodAdvertisesItsOwnNameUnderAHeadlessService() {
        JsonNode recommender = workload("StatefulSet", "hone-recommender");
        String serviceName = recommender.at("/spec/serviceName").asText();
        JsonNode service = object("Service", serviceName);

        assertThat(service.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(env(recommender.at("/spec/template/spec/containers/0"), "HONE_ADVERTISED_HOST"))
                .startsWith("$(POD_NAME)." + serviceName + ".");
    }

    @Test
    void probesUseActuatorsReadinessAndLivenessGroupsOnTheServicePort() {
        for (JsonNode workload : workloads()) {
            JsonNode container = workload.at("/spec/template/spec/containers/0");
            String portName = container.at("/ports/0/name").asText();

            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(portName);
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(portName);
        }
    }

    @Test
    void everyContainerRequestsCpuAndMemoryWithinItsLimit() {
        for (JsonNode workload : workloads()) {
            JsonNode resources = workload.at("/spec/template/spec/containers/0/resources");

            assertThat(resources.at("/requests/cpu").asText()).isNotBlank();
            assertThat(mebibytes(resources.at("/requests/memory").asText()))
                    .isLessThanOrEqualTo(mebibytes(resources.at("/limits/memory").asText()));
        }
    }

    @Test
    void configMapsAndSecretsReferencedByWorkloadsExist() {
        for (JsonNode workload : workloads()) {
            JsonNode spec = workload.at("/spec/template/spec");
            spec.at("/containers/0/envFrom").forEach(from -> {
                if (from.has("configMapRef")) {
                    assertThat(object("ConfigMap", from.at("/configMapRef/name").asText())).isNotNull();
                } else {
                    assertThat(object("Secret", from.at("/secretRef/name").asText())).isNotNull();
                }
            });
            spec.path("volumes").forEach(v -> assertThat(object("Secret", v.at("/secret/secretName").asText())).isNotNull());
        }
    }

    @Test
    void kafkaPropertiesInTheConfigAreRealKafkaClientSettings() {
        Set<String> known = new HashSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        List<String> keys = new ArrayList<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap") || o.path("kind").asText().equals("Secret"))
                .forEach(o -> o.path(o.has("stringData") ? "stringData" : "data").fieldNames().forEachRemaining(keys::add));

        List<String> kafka = keys.stream().filter(k -> k.startsWith("HONE_KAFKA_PROPERTIES_"))
                .map(k -> k.substring("HONE_KAFKA_PROPERTIES_".length()).toLowerCase().replace('_', '.')).toList();

        assertThat(kafka).contains("security.protocol", "sasl.jaas.config");
        assertThat(known).containsAll(kafka);
    }

    private List<JsonNode> workloads() {
        return objects.stream().filter(o -> Set.of("Deployment", "StatefulSet").contains(o.path("kind").asText())).toList();
    }

    private JsonNode workload(String kind, String name) {
        return object(kind, name);
    }

    private JsonNode object(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + DIR));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("container " + container.path("name").asText() + " has no env " + name);
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }

    private static List<JsonNode> load() {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(n -> n != null && !n.isMissingNode() && !n.isNull())
                            .filter(n -> !n.path("kind").asText().equals("Kustomization"))
                            .forEach(all::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR.toAbsolutePath(), e);
        }
        return all;
    }
}
