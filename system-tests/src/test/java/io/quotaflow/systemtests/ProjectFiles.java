package io.quotaflow.systemtests;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout under test, and the files of it that the offline checks read. */
public final class ProjectFiles {

    public static final Path ROOT =
            Path.of(System.getProperty("quotaflow.project-dir", "..")).toAbsolutePath().normalize();

    private ProjectFiles() {
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The single YAML document of a file, as maps, lists and scalars. */
    public static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    /** Every non-empty YAML document of a file. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** The modules of the root pom that run as a service of their own (a Deployment, a compose service). */
    public static List<String> serviceModules() {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        List<String> names = new ArrayList<>();
        while (modules.find()) {
            String name = modules.group(1);
            if (name.endsWith("-service") || name.equals("gateway")) {
                names.add(name);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
