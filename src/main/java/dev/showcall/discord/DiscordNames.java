package dev.showcall.discord;

import java.util.function.LongFunction;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.User;

/** Who a Discord user is, by name, for the web pages: read from JDA's cache, never over the network. */
public final class DiscordNames implements LongFunction<String> {

    private final Supplier<DiscordBot> bot;

    public DiscordNames(Supplier<DiscordBot> bot) {
        this.bot = bot;
    }

    @Override
    public String apply(long userId) {
        DiscordBot current = bot.get();
        User user = current == null ? null : current.jda().getUserById(userId);
        if (user == null) {
            return "not found on Discord";
        }
        return user.getGlobalName() != null ? user.getGlobalName() : user.getName();
    }
}
