package dev.showcall.discord.stub;

import java.util.Objects;

/**
 * A member clicking a button on a message the bot sent, as Discord delivers it (INTERACTION_CREATE, type 3). The
 * message must be one the stub holds and must carry a button with this custom id.
 *
 * <pre>{@code
 * stub.click(ButtonClick.of("call:confirm:42").on(dm.id()).by(DRESSER));
 * }</pre>
 */
public final class ButtonClick {

    private final String customId;
    private long messageId;
    private long userId;
    private String locale = "en-US";

    private ButtonClick(String customId) {
        this.customId = Objects.requireNonNull(customId);
    }

    public static ButtonClick of(String customId) {
        return new ButtonClick(customId);
    }

    /** The message the button sits on. */
    public ButtonClick on(long id) {
        this.messageId = id;
        return this;
    }

    /** Who clicks: a member for a guild message, the recipient for a DM. */
    public ButtonClick by(long clickingUserId) {
        this.userId = clickingUserId;
        return this;
    }

    public ButtonClick locale(String userLocale) {
        this.locale = Objects.requireNonNull(userLocale);
        return this;
    }

    String customId() {
        return customId;
    }

    long messageId() {
        return messageId;
    }

    long userId() {
        return userId;
    }

    String locale() {
        return locale;
    }

    @Override
    public String toString() {
        return "click '" + customId + "' on message " + messageId;
    }
}
