package io.quotaflow.systemtests;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.quotaflow.systemtests.ProjectFiles.map;

/** {@code docker-compose.yml}, read as compose reads it where the checks need that (variable defaults). */
public final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private final Map<String, Object> compose = ProjectFiles.yaml(ProjectFiles.ROOT.resolve("docker-compose.yml"));

    public Map<String, Object> services() {
        return map(compose.get("services"));
    }

    public Map<String, Object> service(String name) {
        Map<String, Object> service = map(services().get(name));
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    public Map<String, Object> environment(String service) {
        Object environment = service(service).get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    /** A setting of a service as compose would pass it when no variable is set in the shell. */
    public String setting(String service, String name) {
        Object value = environment(service).get(name);
        return value == null ? null : withDefaults(value.toString());
    }

    /** The image a service runs (or, for a service built here, is tagged with), variables at their defaults. */
    public String image(String service) {
        Object image = service(service).get("image");
        return image == null ? null : withDefaults(image.toString());
    }

    static String withDefaults(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(resolved, Matcher.quoteReplacement(
                    variable.group(2) == null ? "" : variable.group(2)));
        }
        return variable.appendTail(resolved).toString();
    }
}
