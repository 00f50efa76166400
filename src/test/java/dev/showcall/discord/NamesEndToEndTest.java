package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.OTHER_PR;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.DelayCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.commands.ReplaceCommand;
import dev.showcall.discord.commands.WalkedCommand;
import dev.showcall.discord.stub.AutocompleteInvocation;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.text.UserText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Names and text people wrote, end to end with the real JDA client against the Discord stub")
class NamesEndToEndTest {

    /** Before the PR department's call at 14:00 UTC, so a delay moves it and tells PR by DM. */
    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String COLON_MODEL = "Tallulah: Reid";
    private static final String ACCENTED_MODEL = "Zoë Hart";
    private static final String MARKDOWN_MODEL = "**Bold** ||x|| <@&" + PR_ROLE + ">";
    private static final String MARKDOWN_SHOWN = "\\*\\*Bold\\*\\* \\|\\|x\\|\\| \\<@&" + PR_ROLE + ">";
    private static final String DELAY_REASON = "**Lighting** ||rig|| <@&" + PRODUCER_ROLE + "> @everyone";
    private static final String DELAY_REASON_SHOWN = "\\*\\*Lighting\\*\\* \\|\\|rig\\|\\| \\<@&" + PRODUCER_ROLE
            + "> \\@everyone";
    private static final int EMOJI_MODELS = 30;
    private static final long BOT_ROLE = 1190000000000000008L;

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    /**
     * Thirty models whose names are 100 characters of emoji, each with a look described by 200 more:
     * every look's label has to be cut, some of them right inside an emoji.
     */
    private static String emojiModel(int n) {
        return String.format("💄👗 Model %02d ", n) + "👠".repeat(43);
    }

    private static String emojiStandby() {
        return "🌟 Standby " + "👠".repeat(44);
    }

    private static String emojiDescription() {
        return "✨" + "👗".repeat(99) + "✨";
    }

    private static String showYaml() {
        String emojiModels = IntStream.rangeClosed(1, EMOJI_MODELS)
                .mapToObj(n -> "  - name: \"" + emojiModel(n) + "\"\n").collect(Collectors.joining());
        String emojiLooks = IntStream.rangeClosed(1, EMOJI_MODELS)
                .mapToObj(n -> "  - { number: " + (n + 4) + ", model: \"" + emojiModel(n) + "\", description: \""
                        + emojiDescription() + "\" }\n").collect(Collectors.joining());
        return """
                id: %s
                name: Stub Show
                time-zone: Europe/London
                start: 2027-02-21T19:00
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: pr
                    name: PR
                    call: 5h
                    members: ["%d", "%d"]
                models:
                  - name: Anya Petrova
                  - name: "%s"
                  - name: "%s"
                  - name: "%s"
                  - name: "%s"
                    standby: true
                %s
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                  - { number: 2, model: "%s", description: Dress }
                  - { number: 3, model: "%s", description: "**Silk** slip <@&%d>" }
                  - { number: 4, model: "%s", description: Suit }
                %s
                """.formatted(SHOW_ID, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR, OTHER_PR,
                COLON_MODEL, ACCENTED_MODEL, MARKDOWN_MODEL, emojiStandby(), emojiModels,
                COLON_MODEL, ACCENTED_MODEL, PR_ROLE, MARKDOWN_MODEL, emojiLooks);
    }

    /** The crew's server, the timeline private to PR, producers and the bot, which may post there. */
    private static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue();
        return StubGuild.builder(GUILD, "Maison Verre backstage")
                .botRole(BOT_ROLE, "showcall", 0)
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(GUILD, 0, view),
                        StubGuild.Overwrite.role(PRODUCER_ROLE, view, 0),
                        StubGuild.Overwrite.role(PR_ROLE, view, 0),
                        StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .textChannel(CALLS, "calls", StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(OTHER_PR, "pr-second", PR_ROLE)
                .build();
    }

    @BeforeEach
    void startShowcall() {
        bot = ShowcallOnStub.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), guild(), showYaml());
    }

    @AfterEach
    void everyRequestKeptDiscordsRules() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    private InteractionResponse arrived(String model) {
        return bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME)
                .option(ArrivedCommand.MODEL_OPTION, model).by(PR).in(TIMELINE)).awaitResponse(WAIT);
    }

    private Optional<Arrival> storedArrival(String model) {
        return bot.database().inTransaction(c -> new ArrivalRepository().find(c, SHOW_ID, CallPlanner.modelKey(model)));
    }

    private List<InteractionResponse.Choice> typing(String command, String option, String typed) {
        InteractionResponse reply = bot.stub.autocomplete(AutocompleteInvocation.of(command)
                .typing(option, typed).by(PR).in(TIMELINE)).awaitResponse(WAIT);
        assertThat(reply.callbackType()).isEqualTo(InteractionResponse.AUTOCOMPLETE_RESULT);
        return reply.choices();
    }

    private List<StubMessage> logMessages() {
        return bot.stub.messages(TIMELINE).stream().filter(m -> m.embeds().isEmpty()).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Within Discord's limits, and whole: no label ends in half an emoji. */
    private static void assertWithinDiscordsLimits(List<InteractionResponse.Choice> choices) {
        assertThat(choices).hasSizeBetween(1, 25).allSatisfy(c -> {
            assertThat(c.name().codePointCount(0, c.name().length())).isBetween(1, 100);
            assertThat(UserText.hasBrokenCharacter(c.name())).as("half an emoji in '%s'", c.name()).isFalse();
            assertThat(c.value().asText().codePointCount(0, c.value().asText().length())).isBetween(1, 100);
        });
    }

    @Nested
    @DisplayName("autocomplete, for a show whose names and looks are full of emoji,")
    class Autocomplete {

        @Test
        @DisplayName("offers models by their full names, which fit a choice's value")
        void modelNames() {
            List<InteractionResponse.Choice> choices = typing(ArrivedCommand.NAME, ArrivedCommand.MODEL_OPTION, "model");

            assertWithinDiscordsLimits(choices);
            assertThat(choices).hasSize(25).allSatisfy(c -> {
                assertThat(c.value().asText()).isEqualTo(c.name()).startsWith("💄👗 Model ");
                assertThat(c.value().asText()).hasSize(100);
            });
        }

        @Test
        @DisplayName("offers looks with their labels cut on whole characters, sending the look's number")
        void lookLabels() {
            List<InteractionResponse.Choice> choices = typing(LookCommand.NAME, LookCommand.LOOK_OPTION, "");

            assertWithinDiscordsLimits(choices);
            assertThat(choices).hasSize(25);
            assertThat(choices).filteredOn(c -> c.value().asInt() > 4).allSatisfy(c -> {
                assertThat(c.name()).startsWith(c.value().asInt() + " · 💄👗 Model ").endsWith("…");
                assertThat(c.name().length()).isLessThanOrEqualTo(100);
            });
            assertThat(choices).extracting(c -> c.value().asInt())
                    .as("odd and even look numbers: cut before an emoji at either parity").contains(5, 10);
        }

        @Test
        @DisplayName("answers every command that autocompletes a name or a look")
        void everyCommand() {
            assertWithinDiscordsLimits(typing(WalkedCommand.NAME, WalkedCommand.LOOK_OPTION, "👗"));
            assertWithinDiscordsLimits(typing(NoShowCommand.NAME, NoShowCommand.MODEL_OPTION, ""));
            List<InteractionResponse.Choice> with = typing(ReplaceCommand.NAME, ReplaceCommand.WITH_OPTION, "");
            assertWithinDiscordsLimits(with);
            assertThat(with.get(0).value().asText()).as("the standby first").isEqualTo(emojiStandby());
        }

        @Test
        @DisplayName("gives a value that marks the model it names")
        void valueMarks() {
            String value = typing(ArrivedCommand.NAME, ArrivedCommand.MODEL_OPTION, "model 07").get(0).value().asText();

            InteractionResponse reply = arrived(value);

            assertThat(reply.message().content()).contains("arrived");
            assertThat(storedArrival(emojiModel(7))).isPresent();
        }
    }

    @Nested
    @DisplayName("names are found and buttons work whatever the name:")
    class NamesAndButtons {

        @Test
        @DisplayName("a name typed without its accents finds the model")
        void withoutAccents() {
            InteractionResponse reply = arrived("zoe hart");

            assertThat(reply.message().content()).contains("**" + ACCENTED_MODEL + "** arrived");
            assertThat(storedArrival(ACCENTED_MODEL)).isPresent();
        }

        @Test
        @DisplayName("the Undo button unmarks a model whose name has a ':' in it, its id carrying no name")
        void undoWithColon() {
            InteractionResponse confirmation = arrived(COLON_MODEL);
            assertThat(storedArrival(COLON_MODEL)).isPresent();
            String undoId = confirmation.message().customIds().get(0);

            InteractionResponse clicked = bot.stub.click(ButtonClick.of(undoId).on(confirmation.message().id()).by(PR))
                    .awaitResponse(WAIT);

            assertThat(undoId).doesNotContain("Tallulah").hasSizeLessThanOrEqualTo(100);
            assertThat(clicked.message().content()).contains("**" + COLON_MODEL + "** is no longer marked arrived");
            assertThat(storedArrival(COLON_MODEL)).isEmpty();
        }

        @Test
        @DisplayName("an Undo button of the older form, with a name in its id, says it does nothing and changes nothing")
        void retiredUndoButton() {
            arrived("Anya Petrova");
            String oldId = ArrivedCommand.RETIRED_UNDO_BUTTON + ":" + SHOW_ID + ":Anya Petrova";
            StubMessage old = bot.stub.postedEarlierByBot(TIMELINE, "✅ Anya Petrova arrived.", oldId);

            InteractionResponse clicked = bot.stub.click(ButtonClick.of(oldId).on(old.id()).by(PR)).awaitResponse(WAIT);

            assertThat(clicked.ephemeral()).isTrue();
            assertThat(clicked.message().content()).contains("no longer does anything").contains("nothing was changed");
            assertThat(storedArrival("Anya Petrova")).isPresent();
        }
    }

    @Test
    @DisplayName("a call's buttons of the older form, with the call's key in their id, still record the answer")
    void olderConfirmButton() throws InterruptedException {
        bot.stub.slash(SlashCommandInvocation.of(DelayCommand.NAME).option(DelayCommand.MINUTES_OPTION, 10L)
                .option(DelayCommand.REASON_OPTION, "Rain").by(PRODUCER).in(TIMELINE)).awaitResponse(WAIT);
        await("PR told of the new call", () -> !bot.stub.dms(PR).isEmpty());
        String oldId = CallMessages.CONFIRM_BUTTON + ":" + CallMessages.ON_MY_WAY + ":" + SHOW_ID + ":"
                + CallPlanner.crewKey("pr", PR);
        StubMessage old = bot.stub.postedEarlierByBot(bot.stub.dmChannelOf(PR).orElseThrow(), "Your call", oldId);

        InteractionResponse clicked = bot.stub.click(ButtonClick.of(oldId).on(old.id()).by(PR)).awaitResponse(WAIT);

        assertThat(clicked.message().content()).contains("producers can see you are on your way");
        Optional<Confirmation> confirmation = bot.database().inTransaction(c -> new ConfirmationRepository()
                .find(c, SHOW_ID, CallPlanner.crewKey("pr", PR)));
        assertThat(confirmation.map(Confirmation::state)).contains(ConfirmationState.ON_MY_WAY);
    }

    @Nested
    @DisplayName("markdown and mention syntax in what people wrote is shown as text")
    class Escaped {

        @Test
        @DisplayName("in a reply")
        void inAReply() {
            InteractionResponse reply = arrived(MARKDOWN_MODEL);

            assertThat(reply.message().content()).startsWith("✅ **" + MARKDOWN_SHOWN + "** arrived")
                    .doesNotContain("****");
            assertThat(reply.message().pingsAnyone()).isFalse();
        }

        @Test
        @DisplayName("in the log")
        void inTheLog() throws InterruptedException {
            arrived(MARKDOWN_MODEL);

            await("the arrival in the log", () -> logMessages().stream().anyMatch(m -> m.content().contains(" arrived")));

            StubMessage log = logMessages().stream().filter(m -> m.content().contains(" arrived")).findFirst().orElseThrow();
            assertThat(log.content()).contains("✅ " + MARKDOWN_SHOWN + " arrived");
            assertThat(log.pingsAnyone()).isFalse();
        }

        @Test
        @DisplayName("in a DM, and in the log, for a delay's reason")
        void inADm() throws InterruptedException {
            InteractionResponse reply = bot.stub.slash(SlashCommandInvocation.of(DelayCommand.NAME)
                    .option(DelayCommand.MINUTES_OPTION, 10L).option(DelayCommand.REASON_OPTION, DELAY_REASON)
                    .by(PRODUCER).in(TIMELINE)).awaitResponse(WAIT);
            assertThat(reply.message().content()).contains("Delayed by 10 min");

            await("PR told of the new call", () -> !bot.stub.dms(PR).isEmpty());
            await("the delay in the log", () -> logMessages().stream().anyMatch(m -> m.content().contains("Delayed by")));

            StubMessage dm = bot.stub.dms(PR).get(0);
            assertThat(dm.content()).contains("moved from").endsWith(": " + DELAY_REASON_SHOWN);
            assertThat(dm.pingsAnyone()).isFalse();
            assertThat(logMessages()).filteredOn(m -> m.content().contains("Delayed by")).singleElement()
                    .satisfies(m -> assertThat(m.content()).contains("Delayed by 10 min: " + DELAY_REASON_SHOWN + "."));
        }
    }
}
