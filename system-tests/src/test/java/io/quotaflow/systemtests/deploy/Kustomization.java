package io.quotaflow.systemtests.deploy;

import io.quotaflow.systemtests.ProjectFiles;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.quotaflow.systemtests.ProjectFiles.list;
import static io.quotaflow.systemtests.ProjectFiles.map;

/**
 * What {@code kubectl apply -k <dir>} would apply, rendered offline for the features these manifests use:
 * {@code resources} (files and kustomization directories), {@code namespace}, {@code images}, {@code replicas} and
 * inline JSON 6902 {@code patches} ({@code add}/{@code replace}) selected by kind and name. A kustomization using
 * anything else is refused, so that this rendering never silently differs from kustomize's.
 */
public final class Kustomization {

    private static final Set<String> FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "images", "replicas", "patches");

    private final Path directory;
    private final Map<String, Object> spec;

    private Kustomization(Path directory) {
        this.directory = directory.normalize();
        Path file = this.directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(this.directory + " has no kustomization.yaml");
        }
        this.spec = ProjectFiles.yaml(file);
        Set<String> unknown = new LinkedHashSet<>(spec.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new AssertionError(file + " uses " + unknown + ", which this offline rendering does not know");
        }
    }

    public static Kustomization of(Path directory) {
        return new Kustomization(directory);
    }

    public Path directory() {
        return directory;
    }

    /** The resources as kustomize renders them, in order. */
    public List<Resource> render() {
        List<Resource> resources = new ArrayList<>();
        for (Path entry : resourcePaths()) {
            if (Files.isDirectory(entry)) {
                resources.addAll(of(entry).render());
            } else {
                for (Map<String, Object> document : ProjectFiles.yamlDocuments(entry)) {
                    resources.add(new Resource(entry, document));
                }
            }
        }
        for (Object patch : listOrEmpty("patches")) {
            applyPatch(map(patch), resources);
        }
        for (Object image : listOrEmpty("images")) {
            setImage(map(image), resources);
        }
        for (Object replicas : listOrEmpty("replicas")) {
            setReplicas(map(replicas), resources);
        }
        if (spec.get("namespace") != null) {
            resources.stream().filter(resource -> !resource.kind().equals("Namespace"))
                    .forEach(resource -> resource.metadata().put("namespace", spec.get("namespace")));
        }
        return resources;
    }

    /** Every file this kustomization reads, its bases' included. */
    public Set<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        files.add(directory.resolve("kustomization.yaml"));
        for (Path entry : resourcePaths()) {
            if (Files.isDirectory(entry)) {
                files.addAll(of(entry).files());
            } else {
                files.add(entry);
            }
        }
        return files;
    }

    /** The entries of {@code resources}, each of which must exist. */
    public List<Path> resourcePaths() {
        List<Path> paths = new ArrayList<>();
        for (Object entry : listOrEmpty("resources")) {
            Path path = directory.resolve(entry.toString()).normalize();
            if (!Files.exists(path)) {
                throw new AssertionError(directory.resolve("kustomization.yaml") + " names " + entry
                        + ", which does not exist");
            }
            paths.add(path);
        }
        return paths;
    }

    private List<Object> listOrEmpty(String field) {
        Object value = spec.get(field);
        return value == null ? List.of() : list(value);
    }

    private void applyPatch(Map<String, Object> patch, List<Resource> resources) {
        Map<String, Object> target = map(patch.get("target"));
        List<Object> operations = list(new Yaml().load(patch.get("patch").toString()));
        List<Resource> targets = resources.stream()
                .filter(resource -> Objects.equals(target.get("kind"), resource.kind()))
                .filter(resource -> target.get("name") == null || target.get("name").equals(resource.name()))
                .toList();
        if (targets.isEmpty()) {
            throw new AssertionError("the patch for " + target + " matches no resource");
        }
        for (Resource resource : targets) {
            for (Object operation : operations) {
                JsonPatch.apply(resource.document(), map(operation));
            }
        }
    }

    private static void setImage(Map<String, Object> image, List<Resource> resources) {
        String name = image.get("name").toString();
        int replaced = 0;
        for (Resource resource : resources) {
            for (Map<String, Object> container : resource.containers()) {
                String current = container.get("image").toString();
                if (Images.repository(current).equals(name)) {
                    String repository = image.getOrDefault("newName", name).toString();
                    String tag = image.containsKey("newTag") ? image.get("newTag").toString() : Images.tag(current);
                    container.put("image", repository + ":" + tag);
                    replaced++;
                }
            }
        }
        if (replaced == 0) {
            throw new AssertionError("the image " + name + " is used by no container");
        }
    }

    private static void setReplicas(Map<String, Object> replicas, List<Resource> resources) {
        Resource workload = resources.stream()
                .filter(resource -> resource.kind().equals("Deployment") || resource.kind().equals("StatefulSet"))
                .filter(resource -> resource.name().equals(replicas.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("replicas for " + replicas.get("name") + ", which is no workload"));
        map(workload.document().get("spec")).put("replicas", replicas.get("count"));
    }

    /** One Kubernetes object and the file it came from. */
    public record Resource(Path file, Map<String, Object> document) {

        public String apiVersion() {
            return String.valueOf(document.get("apiVersion"));
        }

        public String kind() {
            return String.valueOf(document.get("kind"));
        }

        public Map<String, Object> metadata() {
            return map(document.computeIfAbsent("metadata", key -> new LinkedHashMap<>()));
        }

        public String name() {
            return String.valueOf(metadata().get("name"));
        }

        public Map<String, Object> spec() {
            return map(document.get("spec"));
        }

        /** The pod template's spec of a workload (Deployment, StatefulSet, Job), else null. */
        public Map<String, Object> podSpec() {
            Object template = document.get("spec") instanceof Map<?, ?> spec ? spec.get("template") : null;
            return template == null ? null : map(map(template).get("spec"));
        }

        /** The containers (init containers included) of a workload; none for other kinds. */
        public List<Map<String, Object>> containers() {
            Map<String, Object> pod = podSpec();
            List<Map<String, Object>> containers = new ArrayList<>();
            if (pod != null) {
                for (String field : List.of("initContainers", "containers")) {
                    if (pod.get(field) != null) {
                        list(pod.get(field)).forEach(container -> containers.add(map(container)));
                    }
                }
            }
            return containers;
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + ProjectFiles.ROOT.relativize(file) + ")";
        }
    }

    /** Container image references: {@code repository[:tag]}. */
    public static final class Images {

        private Images() {
        }

        public static String repository(String image) {
            int colon = image.lastIndexOf(':');
            return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
        }

        public static String tag(String image) {
            int colon = image.lastIndexOf(':');
            return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
        }
    }
}
