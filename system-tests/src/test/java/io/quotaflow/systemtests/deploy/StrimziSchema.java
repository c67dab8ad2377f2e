package io.quotaflow.systemtests.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.Map;
import java.util.Optional;

/**
 * Checks Strimzi's custom resources by reading them strictly into Strimzi's own Java model ({@code io.strimzi:api}),
 * from which Strimzi generates its CRDs' schemas. The model keeps unknown fields in an "any setter" instead of failing
 * on them, so this reader removes that setter: with {@code FAIL_ON_UNKNOWN_PROPERTIES} a misspelt field is refused at
 * any depth, and without scalar coercion so is a string where a number belongs or a number where a string belongs.
 */
public final class StrimziSchema {

    public static final String API_VERSION = "kafka.strimzi.io/v1";

    private static final Map<String, Class<?>> MODELS =
            Map.of("Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);

    private static final ObjectMapper STRICT = strictMapper();

    /** Writes a model back with every property, defaults too (the model's own annotations would leave them out). */
    private static final ObjectMapper EVERY_PROPERTY = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
                    return JsonInclude.Value.empty();
                }
            })
            .build();

    private StrimziSchema() {
    }

    public static Optional<Class<?>> model(String apiVersion, String kind) {
        return apiVersion.startsWith("kafka.strimzi.io/") ? Optional.ofNullable(MODELS.get(kind)) : Optional.empty();
    }

    /** Refuses, naming the field, a resource that does not fit Strimzi's model; returns the model it was read into. */
    public static Object validate(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        String kind = String.valueOf(resource.get("kind"));
        if (!API_VERSION.equals(apiVersion)) {
            throw new AssertionError(kind + " must use " + API_VERSION + " (the only version of Strimzi 1.x), not "
                    + apiVersion);
        }
        Class<?> model = model(apiVersion, kind).orElseThrow(() ->
                new AssertionError("no Strimzi model for " + kind));
        Object read;
        try {
            read = STRICT.convertValue(resource, model);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(kind + ": " + e.getMessage(), e);
        }
        // apiVersion is the model's own (checked above), every other value must survive the reading.
        ObjectNode written = STRICT.valueToTree(resource);
        written.remove("apiVersion");
        keptAsWritten(written, EVERY_PROPERTY.valueToTree(read), kind);
        return read;
    }

    /**
     * Every value written is in the model as written: catches what the model reads leniently instead of refusing
     * (an enum value it does not know becomes null, for one).
     */
    private static void keptAsWritten(JsonNode written, JsonNode read, String path) {
        if (written.isObject()) {
            written.properties().forEach(field -> {
                JsonNode value = read == null ? null : read.get(field.getKey());
                if (value == null) {
                    throw new AssertionError(path + "." + field.getKey() + " is not a field Strimzi keeps");
                }
                keptAsWritten(field.getValue(), value, path + "." + field.getKey());
            });
        } else if (written.isArray()) {
            for (int i = 0; i < written.size(); i++) {
                keptAsWritten(written.get(i), read.get(i), path + "[" + i + "]");
            }
        } else if (!written.equals(read)) {
            throw new AssertionError(path + ": " + written + " is read as " + read);
        }
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetter = new SimpleModule("no-any-setter");
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetter)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
