package io.quotaflow.systemtests.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a core Kubernetes object against the Kubernetes OpenAPI schema, as generated into the official Java client's
 * models ({@code io.kubernetes:client-java-api}): {@code validateJsonElement} refuses an unknown field or a missing
 * required one at any depth; a walk over the models' field types refuses a value of the wrong JSON type (a string
 * where an integer belongs, a number where a string belongs), which the API server refuses too but the generated
 * validation lets through; finally the object is read into its model, which parses quantities and int-or-strings.
 */
public final class KubernetesSchema {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "apps/v1/StatefulSet", V1StatefulSet.class,
            "batch/v1/Job", V1Job.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);

    private static final Gson PLAIN = new Gson();

    private KubernetesSchema() {
    }

    /** The model of a kind, if it is a core Kubernetes kind these manifests use. */
    public static Optional<Class<?>> model(String apiVersion, String kind) {
        return Optional.ofNullable(MODELS.get(apiVersion + "/" + kind));
    }

    /** Refuses, naming the field, an object that does not fit its kind's schema; returns the model it was read into. */
    public static Object validate(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Class<?> model = model(apiVersion, kind).orElseThrow(() ->
                new AssertionError("no Kubernetes schema for " + apiVersion + " " + kind));
        JsonElement json = PLAIN.toJsonTree(object);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
        } catch (InvocationTargetException e) {
            throw new AssertionError(kind + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        checkTypes(json, model, kind);
        try {
            return JSON.getGson().fromJson(json, model);
        } catch (RuntimeException e) {
            throw new AssertionError(kind + ": " + e.getMessage(), e);
        }
    }

    private static void checkTypes(JsonElement json, Type type, String path) {
        if (json.isJsonNull()) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                require(json.isJsonArray(), path, "a list");
                int i = 0;
                for (JsonElement element : json.getAsJsonArray()) {
                    checkTypes(element, arguments[0], path + "[" + i++ + "]");
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                require(json.isJsonObject(), path, "an object");
                json.getAsJsonObject().entrySet().forEach(entry ->
                        checkTypes(entry.getValue(), arguments[1], path + "." + entry.getKey()));
            }
            return;
        }
        Class<?> clazz = (Class<?>) type;
        if (clazz == String.class || clazz == OffsetDateTime.class || clazz == byte[].class) {
            require(primitive(json) && json.getAsJsonPrimitive().isString(), path, "a string");
        } else if (clazz == Integer.class || clazz == Long.class) {
            require(primitive(json) && json.getAsJsonPrimitive().isNumber()
                    && json.getAsBigDecimal().stripTrailingZeros().scale() <= 0, path, "an integer");
        } else if (clazz == Double.class || clazz == Float.class || clazz == BigDecimal.class) {
            require(primitive(json) && json.getAsJsonPrimitive().isNumber(), path, "a number");
        } else if (clazz == Boolean.class) {
            require(primitive(json) && json.getAsJsonPrimitive().isBoolean(), path, "true or false");
        } else if (clazz == IntOrString.class || clazz == Quantity.class) {
            require(primitive(json) && !json.getAsJsonPrimitive().isBoolean(), path, "a number or a string");
        } else if (clazz.getPackageName().equals(V1Deployment.class.getPackageName())) {
            require(json.isJsonObject(), path, "an object");
            Map<String, Field> fields = serializedFields(clazz);
            JsonObject object = json.getAsJsonObject();
            object.entrySet().forEach(entry -> {
                Field field = fields.get(entry.getKey());
                require(field != null, path + "." + entry.getKey(), "a field of " + clazz.getSimpleName());
                checkTypes(entry.getValue(), field.getGenericType(), path + "." + entry.getKey());
            });
        }
    }

    private static Map<String, Field> serializedFields(Class<?> model) {
        Map<String, Field> fields = new HashMap<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null) {
                fields.put(name.value(), field);
            }
        }
        return fields;
    }

    private static boolean primitive(JsonElement json) {
        return json instanceof JsonPrimitive;
    }

    private static void require(boolean holds, String path, String expected) {
        if (!holds) {
            throw new AssertionError(path + " must be " + expected);
        }
    }
}
