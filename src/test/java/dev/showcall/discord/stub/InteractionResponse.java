package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * How the bot answered an interaction, as the user sees it.
 *
 * @param callbackType the type of the bot's first callback: 4 message, 5 deferred message, 6 deferred update,
 *                     7 update, 8 autocomplete choices, 9 modal
 * @param firstCallbackAfter how long after the stub delivered the interaction the first callback came
 * @param message the response message as it reads now: for 4 and 5 the interaction's original response (for 5 after
 *                the bot edited {@code @original}); for 6 and 7 the message the component sits on; {@code null} for
 *                8 and 9
 * @param choices the autocomplete choices (callback 8), empty otherwise
 * @param followUps follow-up messages sent with the interaction's token, oldest first
 */
public record InteractionResponse(int callbackType, Duration firstCallbackAfter, StubMessage message,
                                  List<Choice> choices, List<StubMessage> followUps) {

    public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    public static final int DEFERRED_UPDATE_MESSAGE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE_RESULT = 8;
    public static final int MODAL = 9;

    /** One autocomplete choice; {@code value} is a string or a number depending on the option's type. */
    public record Choice(String name, JsonNode value) {
    }

    public InteractionResponse {
        choices = List.copyOf(choices);
        followUps = List.copyOf(followUps);
    }

    public boolean deferred() {
        return callbackType == DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE || callbackType == DEFERRED_UPDATE_MESSAGE;
    }

    /** Whether only the invoking user sees the response message. */
    public boolean ephemeral() {
        return message != null && message.ephemeral();
    }
}
