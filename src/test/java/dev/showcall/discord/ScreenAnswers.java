package dev.showcall.discord;

import dev.showcall.discord.commands.ScreenCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code /screen} answers on the stub, and the links in it, as the end-to-end tests open them. */
final class ScreenAnswers {

    /** A link in the answer: its page's kind and its token. */
    static final Pattern LINK = Pattern.compile("<(http://[^>]+/(screen|lineup|door)/([A-Za-z0-9_-]{43}))>");

    private ScreenAnswers() {
    }

    /** {@code /screen} (with {@code rotate:true} when asked) by {@code by} in the timeline channel: the answer. */
    static String screen(DiscordStub stub, long by, boolean rotate) {
        SlashCommandInvocation invocation = SlashCommandInvocation.of(ScreenCommand.NAME).by(by)
                .in(ShowcallOnStub.TIMELINE);
        if (rotate) {
            invocation = invocation.option(ScreenCommand.ROTATE_OPTION, true);
        }
        return stub.slash(invocation).awaitResponse(Duration.ofSeconds(10)).message().content();
    }

    /** The link of this kind in an answer, on loopback at {@code port}: where showcall listens here. */
    static URI link(String answer, String kind, int port) {
        Matcher m = LINK.matcher(answer);
        while (m.find()) {
            if (m.group(2).equals(kind)) {
                return URI.create("http://127.0.0.1:" + port + "/" + kind + "/" + m.group(3));
            }
        }
        throw new AssertionError("no " + kind + " link in: " + answer);
    }
}
