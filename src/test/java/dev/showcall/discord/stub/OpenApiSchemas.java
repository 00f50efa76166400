package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks request bodies against the request schema of the matching operation in Discord's OpenAPI 3.1 description
 * (JSON Schema 2020-12; the whole document is loaded once so that its {@code $ref}s resolve inside it).
 *
 * <p>The description is the test resource {@value #RESOURCE} (MIT, with Discord's licence beside it). It is part of
 * the project, so a missing one is an error, never a skipped check.
 *
 * <p>Three documented divergences are tolerated: JDA sends a command's {@code contexts} and {@code integration_types}
 * as numeric strings where the schema says integers, the {@code recipient_id} of a new DM channel as a number where
 * the schema says a snowflake string, and the {@code attachments[].id} of a file it uploads as the number of its
 * {@code files[n]} part, where the schema says a snowflake string (Discord accepts both; that such an id names a
 * file the request carries is checked by {@link DiscordLimits#files}). Those values are converted before the check;
 * nothing else is relaxed.
 */
final class OpenApiSchemas {

    static final String RESOURCE = "discord/openapi.json";
    private static final String DOCUMENT_IRI = "https://discord-stub.invalid/openapi.json";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    private final JsonNode document;
    private final JsonSchema documentSchema;
    private final List<RouteTemplate> operations;
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    private OpenApiSchemas(JsonNode document) {
        this.document = document;
        this.documentSchema = factory().getSchema(
                SchemaLocation.of(DOCUMENT_IRI), document, SchemaValidatorsConfig.builder().build());
        this.operations = operations(document);
    }

    /** The description from the test resources, loaded once per JVM. */
    static OpenApiSchemas load() {
        return Loaded.INSTANCE;
    }

    private static final class Loaded {
        static final OpenApiSchemas INSTANCE = read();

        private static OpenApiSchemas read() {
            try (InputStream in = OpenApiSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Discord's OpenAPI description is missing from the test resources: "
                            + RESOURCE);
                }
                return new OpenApiSchemas(Json.MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read Discord's OpenAPI description " + RESOURCE, e);
            }
        }
    }

    /** What in the body breaks the operation's request schema; nothing when the operation takes no JSON body. */
    List<Finding> check(String method, String path, JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return List.of();
        }
        Optional<RouteTemplate> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of();
        }
        Optional<JsonSchema> schema = schemas.computeIfAbsent(operation.get().toString(), key -> schema(operation.get()));
        if (schema.isEmpty()) {
            return List.of();
        }
        JsonNode checked = tolerateKnownDivergences(operation.get(), body);
        List<Finding> findings = new ArrayList<>();
        Set<ValidationMessage> messages;
        synchronized (this) {
            messages = schema.get().validate(checked);
        }
        for (ValidationMessage message : messages) {
            findings.add(new Finding(Rule.SCHEMA, operation.get().method() + " /" + operation.get().template() + ": "
                    + message.getMessage()));
        }
        return findings;
    }

    private Optional<RouteTemplate> operation(String method, String path) {
        String[] segments = path.split("/");
        return operations.stream()
                .filter(template -> template.match(method, segments).isPresent())
                .max(Comparator.comparingInt(RouteTemplate::literals));
    }

    private synchronized Optional<JsonSchema> schema(RouteTemplate operation) {
        String pathKey = "/" + operation.template();
        String method = operation.method().toLowerCase(Locale.ROOT);
        JsonNode schema = document.path("paths").path(pathKey).path(method)
                .path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return Optional.empty();
        }
        String pointer = "/paths/" + escape(pathKey) + "/" + method + "/requestBody/content/application~1json/schema";
        JsonSchema operationSchema = documentSchema.getRefSchema(SchemaLocation.Fragment.of(pointer));
        operationSchema.initializeValidators();
        return Optional.of(operationSchema);
    }

    private static List<RouteTemplate> operations(JsonNode document) {
        List<RouteTemplate> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(method.getKey())) {
                    continue;
                }
                operations.add(RouteTemplate.of(method.getKey().toUpperCase(Locale.ROOT), path.getKey().substring(1)));
            }
        }
        return List.copyOf(operations);
    }

    private static JsonSchemaFactory factory() {
        // OpenAPI adds keywords of its own (x-discord-union, discriminator...): annotations, silently.
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .metaSchema(metaSchema)
                .build();
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode tolerateKnownDivergences(RouteTemplate operation, JsonNode body) {
        if (operation.template().contains("/commands")) {
            return commandsWithIntegerContexts(body);
        }
        if (operation.template().equals("users/@me/channels")) {
            return recipientIdAsString(body);
        }
        return attachmentIdsAsStrings(body);
    }

    /**
     * JDA refers to a file it uploads by its index in {@code attachments[].id}, a JSON number (the part
     * {@code files[n]}); Discord reads it, as it reads any snowflake given as a number. Only that field
     * is relaxed, on a message body or an interaction callback's {@code data}.
     */
    private static JsonNode attachmentIdsAsStrings(JsonNode body) {
        if (body == null || !(body.has("attachments") || body.path("data").has("attachments"))) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        for (JsonNode holder : List.of(copy, copy.path("data"))) {
            if (holder.get("attachments") instanceof ArrayNode attachments) {
                attachments.forEach(a -> {
                    if (a instanceof ObjectNode o && o.get("id") != null && o.get("id").isIntegralNumber()) {
                        o.put("id", o.get("id").asText());
                    }
                });
            }
        }
        return copy;
    }

    /**
     * JDA's {@code openPrivateChannelById} sends {@code recipient_id} as a JSON number; Discord reads
     * snowflakes given as numbers too. Only that field is relaxed.
     */
    private static JsonNode recipientIdAsString(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy instanceof ObjectNode object && object.get("recipient_id") != null
                && object.get("recipient_id").isIntegralNumber()) {
            object.put("recipient_id", object.get("recipient_id").asText());
        }
        return copy;
    }

    /** A copy of a command body (or list of them) with numeric-string contexts and integration types as integers. */
    private static JsonNode commandsWithIntegerContexts(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy.isArray()) {
            copy.forEach(OpenApiSchemas::integerContexts);
        } else {
            integerContexts(copy);
        }
        return copy;
    }

    private static void integerContexts(JsonNode command) {
        if (!(command instanceof ObjectNode object)) {
            return;
        }
        for (String field : List.of("contexts", "integration_types")) {
            if (object.get(field) instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode value = values.get(i);
                    if (value.isTextual() && NUMERIC.matcher(value.asText()).matches()) {
                        values.set(i, IntNode.valueOf(Integer.parseInt(value.asText())));
                    }
                }
            }
        }
    }
}
