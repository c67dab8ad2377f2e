package io.quotaflow.kpi.aggregation;

/**
 * Ids used as document field names (customer ids, promotion codes, plan ids …) may hold characters MongoDB does not
 * allow in a key: {@code .} and a leading {@code $}. They are percent-escaped ({@code %2E}, {@code %24}, and {@code %}
 * itself as {@code %25}) and read back unescaped.
 */
public final class Keys {

    private Keys() {
    }

    public static String escape(String id) {
        if (id.indexOf('.') < 0 && id.indexOf('$') < 0 && id.indexOf('%') < 0 && !id.isEmpty()) {
            return id;
        }
        StringBuilder escaped = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '%' -> escaped.append("%25");
                case '.' -> escaped.append("%2E");
                case '$' -> escaped.append("%24");
                default -> escaped.append(c);
            }
        }
        return escaped.isEmpty() ? "%" : escaped.toString();
    }

    public static String unescape(String key) {
        if (key.equals("%")) {
            return "";
        }
        if (key.indexOf('%') < 0) {
            return key;
        }
        return key.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }
}
