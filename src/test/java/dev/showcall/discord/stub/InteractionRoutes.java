package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Interaction callbacks, and the interaction webhook: {@code @original} and follow-up messages. */
final class InteractionRoutes {

    private final Directory directory;
    private final MessageStore messages;
    private final InteractionLedger ledger;
    private final Recordings recordings;
    private final AtomicReference<Runnable> onNextAnswer = new AtomicReference<>();

    InteractionRoutes(Directory directory, MessageStore messages, InteractionLedger ledger, Recordings recordings) {
        this.directory = directory;
        this.messages = messages;
        this.ledger = ledger;
        this.recordings = recordings;
    }

    void register(RouteTable routes) {
        String hook = "webhooks/{webhook_id}/{webhook_token}";
        routes.on("POST", "interactions/{interaction_id}/{interaction_token}/callback", this::callback)
                .on("GET", hook + "/messages/@original", call -> original(call, "GET"))
                .on("PATCH", hook + "/messages/@original", call -> original(call, "PATCH"))
                .on("DELETE", hook + "/messages/@original", call -> original(call, "DELETE"))
                .on("GET", hook + "/messages/{message_id}", call -> webhookMessage(call, "GET"))
                .on("PATCH", hook + "/messages/{message_id}", call -> webhookMessage(call, "PATCH"))
                .on("DELETE", hook + "/messages/{message_id}", call -> webhookMessage(call, "DELETE"))
                .on("POST", hook, this::followUp);
    }

    /** Runs {@code action} once, when the bot's next answer to an interaction has been taken. */
    void onNextAnswer(Runnable action) {
        onNextAnswer.set(action);
    }

    /** An answer the user sees (not a deferral, not autocomplete choices) was taken: its hook runs now. */
    private void answered() {
        Runnable action = onNextAnswer.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    private Reply callback(Call call) {
        Optional<PendingInteraction> found = ledger.byId(call.id("interaction_id"), call.text("interaction_token"));
        if (found.isEmpty()) {
            return Reply.unknownInteraction();
        }
        PendingInteraction interaction = found.get();
        call.whenRecorded(interaction::publish);
        Reply reply = acknowledge(call, interaction);
        int type = call.body() == null ? 0 : call.body().path("type").asInt();
        if (reply.status() < 300 && (type == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE
                || type == InteractionResponse.UPDATE_MESSAGE)) {
            answered();
        }
        return reply;
    }

    private Reply acknowledge(Call call, PendingInteraction interaction) {
        synchronized (interaction) {
            if (interaction.acknowledged()) {
                return Reply.error(400, 40060, "Interaction has already been acknowledged.");
            }
            if (interaction.sinceDelivery().compareTo(PendingInteraction.RESPONSE_DEADLINE) > 0) {
                recordings.violation(new Violation(Instant.now(), call.method(), call.path(), Rule.INTERACTION_TOO_LATE,
                        interaction.description() + " answered " + interaction.sinceDelivery().toMillis()
                                + " ms after delivery, Discord allows 3000"));
                return Reply.unknownInteraction();
            }
            JsonNode body = call.body() == null ? Json.object() : call.body();
            int type = body.path("type").asInt();
            JsonNode data = body.path("data");
            StoredMessage message;
            switch (type) {
                case InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE -> {
                    message = StoredMessage.create(directory, interaction.channelId(), interaction.guildId(), data, true);
                    message.attach(data, call.files());
                    messages.add(message);
                    interaction.acknowledge(type, message);
                }
                case InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE -> {
                    int ephemeral = data.path("flags").asInt() & StoredMessage.EPHEMERAL;
                    message = StoredMessage.create(directory, interaction.channelId(), interaction.guildId(),
                            Json.object().put("flags", ephemeral), true);
                    message.setFlags(ephemeral | StoredMessage.LOADING);
                    messages.add(message);
                    interaction.acknowledge(type, message);
                }
                case InteractionResponse.DEFERRED_UPDATE_MESSAGE, InteractionResponse.UPDATE_MESSAGE -> {
                    Optional<StoredMessage> component = messages.find(interaction.componentMessageId());
                    if (interaction.type() != 3 || component.isEmpty()) {
                        return Reply.error(400, 50035, "Invalid Form Body: only component interactions update");
                    }
                    message = component.get();
                    if (type == InteractionResponse.UPDATE_MESSAGE) {
                        message.edit(data);
                        message.attach(data, call.files());
                    }
                    interaction.acknowledge(type, message);
                }
                case InteractionResponse.AUTOCOMPLETE_RESULT -> {
                    if (interaction.type() != 4) {
                        return Reply.error(400, 50035, "Invalid Form Body: choices answer autocomplete only");
                    }
                    message = null;
                    interaction.choices(choices(data));
                }
                case InteractionResponse.MODAL -> {
                    message = null;
                    interaction.acknowledge(type, null);
                }
                default -> {
                    return Reply.error(400, 50035, "Invalid Form Body: unknown callback type " + type);
                }
            }
            return call.flag("with_response") ? Reply.ok(callbackResponse(interaction, type, message)) : Reply.noContent();
        }
    }

    private static List<InteractionResponse.Choice> choices(JsonNode data) {
        List<InteractionResponse.Choice> choices = new ArrayList<>();
        data.path("choices").forEach(c -> choices.add(
                new InteractionResponse.Choice(c.path("name").asText(), c.path("value").deepCopy())));
        return choices;
    }

    private static ObjectNode callbackResponse(PendingInteraction interaction, int type, StoredMessage message) {
        ObjectNode response = Json.object();
        ObjectNode about = response.putObject("interaction")
                .put("id", Json.id(interaction.id()))
                .put("type", interaction.type());
        about.putNull("activity_instance_id");
        if (message != null) {
            about.put("response_message_id", Json.id(message.id()))
                    .put("response_message_loading", (message.flags() & StoredMessage.LOADING) != 0)
                    .put("response_message_ephemeral", (message.flags() & StoredMessage.EPHEMERAL) != 0);
        }
        ObjectNode resource = response.putObject("resource").put("type", type);
        if (message != null && (type == InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE
                || type == InteractionResponse.UPDATE_MESSAGE)) {
            resource.set("message", message.json());
        }
        return response;
    }

    private Optional<PendingInteraction> hooked(Call call) {
        if (call.id("webhook_id") != directory.bot().applicationId()) {
            return Optional.empty();
        }
        return ledger.byToken(call.text("webhook_token"));
    }

    private Reply original(Call call, String method) {
        Optional<PendingInteraction> interaction = hooked(call);
        if (interaction.isEmpty()) {
            return Reply.unknownWebhook();
        }
        call.whenRecorded(interaction.get()::publish);
        StoredMessage message = interaction.get().message();
        if (message == null) {
            return Reply.unknownMessage();
        }
        return switch (method) {
            case "PATCH" -> {
                message.edit(call.body());
                message.attach(call.body(), call.files());
                interaction.get().originalEdited();
                answered();
                yield Reply.ok(message.json());
            }
            case "DELETE" -> {
                messages.delete(message.channelId(), message.id());
                interaction.get().originalDeleted();
                yield Reply.noContent();
            }
            default -> Reply.ok(message.json());
        };
    }

    private Reply webhookMessage(Call call, String method) {
        Optional<PendingInteraction> interaction = hooked(call);
        if (interaction.isEmpty()) {
            return Reply.unknownWebhook();
        }
        long id = call.id("message_id");
        StoredMessage original = interaction.get().message();
        if (original != null && original.id() == id) {
            return original(call, method);
        }
        Optional<StoredMessage> followUp = interaction.get().followUps().stream().filter(m -> m.id() == id).findFirst();
        if (followUp.isEmpty()) {
            return Reply.unknownMessage();
        }
        return switch (method) {
            case "PATCH" -> {
                followUp.get().edit(call.body());
                followUp.get().attach(call.body(), call.files());
                yield Reply.ok(followUp.get().json());
            }
            case "DELETE" -> {
                messages.delete(followUp.get().channelId(), id);
                yield Reply.noContent();
            }
            default -> Reply.ok(followUp.get().json());
        };
    }

    private Reply followUp(Call call) {
        Optional<PendingInteraction> interaction = hooked(call);
        if (interaction.isEmpty() || !interaction.get().acknowledged()) {
            return Reply.unknownWebhook();
        }
        call.whenRecorded(interaction.get()::publish);
        StoredMessage message = StoredMessage.create(directory, interaction.get().channelId(),
                interaction.get().guildId(), call.body(), true);
        message.attach(call.body(), call.files());
        messages.add(message);
        interaction.get().followUp(message);
        return call.flag("wait") ? Reply.ok(message.json()) : Reply.noContent();
    }
}
