package io.quotaflow.systemtests.deploy;

import java.util.List;
import java.util.Map;

import static io.quotaflow.systemtests.ProjectFiles.list;
import static io.quotaflow.systemtests.ProjectFiles.map;

/** The {@code add} and {@code replace} operations of RFC 6902 on a YAML tree, as kustomize's patches use them. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = operation.get("op").toString();
        String path = operation.get("path").toString();
        if (!op.equals("add") && !op.equals("replace")) {
            throw new AssertionError("patch operation " + op + " is not supported offline");
        }
        String[] tokens = path.substring(1).split("/", -1);
        Object parent = document;
        for (int i = 0; i < tokens.length - 1; i++) {
            parent = child(parent, unescape(tokens[i]), path);
        }
        String last = unescape(tokens[tokens.length - 1]);
        Object value = operation.get("value");
        if (parent instanceof Map<?, ?>) {
            Map<String, Object> object = map(parent);
            if (op.equals("replace") && !object.containsKey(last)) {
                throw new AssertionError("replace " + path + ": nothing there");
            }
            object.put(last, value);
        } else {
            List<Object> array = list(parent);
            if (op.equals("add") && last.equals("-")) {
                array.add(value);
            } else if (op.equals("add")) {
                array.add(Integer.parseInt(last), value);
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
    }

    private static Object child(Object parent, String token, String path) {
        Object child = parent instanceof Map<?, ?> object ? object.get(token) : list(parent).get(Integer.parseInt(token));
        if (child == null) {
            throw new AssertionError(path + ": " + token + " does not exist");
        }
        return child;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
