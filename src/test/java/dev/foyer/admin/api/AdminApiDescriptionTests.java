package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's description is a file in the build, served as it is. springdoc, on the test
 * classpath only, describes the API from the controllers; the file must say the same. After a change
 * to the API, write the file anew with
 * {@code ./mvnw test -Dtest=AdminApiDescriptionTests -Dfoyer.openapi.write=true} and review the diff.
 */
class AdminApiDescriptionTests extends AdminApiTest {

    private static final Path SOURCE = Path.of("src/main/resources", ApiDocsPage.DESCRIPTION);
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void servedDescriptionIsWhatTheCodeDescribes() throws IOException {
        ObjectNode fromCode = (ObjectNode) expect(get("/admin/api/v1/openapi-from-code.json"), 200);
        fromCode.remove("servers"); // springdoc names the test's own origin; clients use the one they fetched it from
        sortFields(fromCode.get("paths"));
        sortFields(fromCode.get("components").get("schemas"));
        if (Boolean.getBoolean("foyer.openapi.write")) {
            Files.writeString(SOURCE, PRETTY.writeValueAsString(fromCode) + "\n");
            return; // the server serves the build's copy, which the next build brings up to date
        }

        JsonNode served = expect(api("GET", "/admin/api/v1/openapi.json", null), 200);
        assertThat(differences("", served, fromCode))
                .as("%s no longer describes the admin API; write it anew with"
                        + " ./mvnw test -Dtest=AdminApiDescriptionTests -Dfoyer.openapi.write=true", SOURCE)
                .isEmpty();
        assertThat(served.has("servers")).isFalse();
    }

    @Test
    void servedDescriptionIsTheFileInTheBuildByteForByte() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiDocsPage.DESCRIPTION)) {
            file = in.readAllBytes();
        }
        var response = api("GET", "/admin/api/v1/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.body()).isEqualTo(new String(file, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where {@code actual} differs from {@code expected}, as JSON pointers. */
    private static List<String> differences(String at, JsonNode actual, JsonNode expected) {
        List<String> found = new ArrayList<>();
        if (actual.isObject() && expected.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(actual.propertyNames());
            names.addAll(expected.propertyNames());
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name) || !expected.has(name)) {
                    found.add(path + (actual.has(name) ? " (not in the code)" : " (missing)"));
                } else {
                    found.addAll(differences(path, actual.get(name), expected.get(name)));
                }
            }
        } else if (!actual.equals(expected)) {
            found.add(at + ": " + actual + " instead of " + expected);
        }
        return found;
    }

    /** Orders an object's fields by name, so that the file's diff shows what changed. */
    private static void sortFields(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        List<String> names = new ArrayList<>(object.propertyNames());
        names.sort(null);
        for (String name : names) {
            object.set(name, object.remove(name));
        }
    }
}
