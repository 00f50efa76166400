package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.DRESSER;
import static dev.showcall.discord.stub.TestGuilds.GUILD;
import static dev.showcall.discord.stub.TestGuilds.PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slash commands through the Discord stub")
class SlashCommandTest {

    private static final Duration DISCORD_LIMIT = Duration.ofSeconds(3);

    private static void registerCommands(JdaUnderTest bot) {
        bot.jda().getGuildById(GUILD).updateCommands().addCommands(
                Commands.slash("arrived", "Mark a model as arrived")
                        .addOption(OptionType.STRING, "model", "Who arrived", true, true),
                Commands.slash("delay", "Delay the show")
                        .addOption(OptionType.INTEGER, "minutes", "How long", true)
                        .addOption(OptionType.STRING, "reason", "Why", false)
                        .addOption(OptionType.BOOLEAN, "notify", "Tell the crew", false))
                .complete();
    }

    @Test
    @DisplayName("a member's command reaches the listener and its ephemeral reply comes back well under 3 s")
    void ephemeralReply() throws Exception {
        CompletableFuture<SlashCommandInteractionEvent> received = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                received.complete(event);
                event.reply("Anya is in, " + event.getMember().getAsMention())
                        .setEphemeral(true)
                        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            registerCommands(bot);

            // when the dresser runs /arrived model:Anya in the backstage channel
            InteractionResponse response = stub.slash(SlashCommandInvocation.of("arrived").option("model", "Anya")
                    .by(DRESSER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);

            // then the listener saw who, where and what, and the dresser alone sees the confirmation, pinging nobody
            SlashCommandInteractionEvent event = received.get(1, TimeUnit.SECONDS);
            assertThat(event.getUser().getIdLong()).isEqualTo(DRESSER);
            assertThat(event.getChannel().getIdLong()).isEqualTo(BACKSTAGE);
            assertThat(event.getOption("model").getAsString()).isEqualTo("Anya");
            assertThat(response.callbackType()).isEqualTo(InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE);
            assertThat(response.firstCallbackAfter()).isLessThan(Duration.ofSeconds(1));
            assertThat(response.ephemeral()).isTrue();
            assertThat(response.message().content()).isEqualTo("Anya is in, <@" + DRESSER + ">");
            assertThat(response.message().allowedMentions()).isNotNull();
            assertThat(response.message().pingsAnyone()).isFalse();
            assertThat(stub.messages(BACKSTAGE)).isEmpty();
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a test's action on the next answer runs once the stub took the reply, before the bot hears back, "
            + "and once only")
    void actionOnNextAnswer() throws Exception {
        AtomicBoolean botHeardBack = new AtomicBoolean();
        List<Boolean> heardBackWhenActionRan = new CopyOnWriteArrayList<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.reply("Anya is in").setEphemeral(true).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .complete();
                botHeardBack.set(true);
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            registerCommands(bot);
            stub.onNextAnswer(() -> heardBackWhenActionRan.add(botHeardBack.get()));

            InteractionResponse first = stub.slash(SlashCommandInvocation.of("arrived").option("model", "Anya")
                    .by(DRESSER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);
            stub.slash(SlashCommandInvocation.of("arrived").option("model", "Anja").by(DRESSER).in(BACKSTAGE))
                    .awaitResponse(DISCORD_LIMIT);

            assertThat(first.message().content()).isEqualTo("Anya is in");
            assertThat(heardBackWhenActionRan).containsExactly(false);
        }
    }

    @Test
    @DisplayName("options arrive typed as the command registered them")
    void typedOptions() throws Exception {
        CompletableFuture<List<Object>> options = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                options.complete(List.of(event.getOption("minutes").getAsLong(), event.getOption("reason").getAsString(),
                        event.getOption("notify").getAsBoolean()));
                event.reply("Delayed").setEphemeral(true).queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            registerCommands(bot);

            stub.slash(SlashCommandInvocation.of("delay").option("minutes", 15).option("reason", "hair")
                    .option("notify", true).by(PRODUCER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);

            assertThat(options.get(1, TimeUnit.SECONDS)).containsExactly(15L, "hair", true);
        }
    }

    @Test
    @DisplayName("a file attached to an ATTACHMENT option arrives as Discord resolves it, and downloads from its url")
    void attachedFile() throws Exception {
        byte[] yaml = "id: stub-show\nname: Stub Show ✨\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CompletableFuture<Message.Attachment> attached = new CompletableFuture<>();
        CompletableFuture<byte[]> downloaded = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                Message.Attachment file = event.getOption("file").getAsAttachment();
                attached.complete(file);
                // off JDA's event thread, as a bot must
                CompletableFuture.runAsync(() -> {
                    try (java.io.InputStream in = file.getProxy().download().get(5, TimeUnit.SECONDS)) {
                        downloaded.complete(in.readAllBytes());
                    } catch (Exception e) {
                        downloaded.completeExceptionally(e);
                    }
                    event.reply("Got it").setEphemeral(true).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                            .queue();
                });
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            bot.jda().getGuildById(GUILD).updateCommands().addCommands(Commands.slash("upload", "Upload a file")
                    .addOption(OptionType.ATTACHMENT, "file", "The file", true)).complete();

            InteractionResponse response = stub.slash(SlashCommandInvocation.of("upload")
                    .attachment("file", "show plan.yaml", "application/x-yaml; charset=utf-8", yaml)
                    .by(PRODUCER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);

            Message.Attachment file = attached.get(1, TimeUnit.SECONDS);
            assertThat(file.getFileName()).isEqualTo("show plan.yaml");
            assertThat(file.getSize()).isEqualTo(yaml.length);
            assertThat(file.getContentType()).isEqualTo("application/x-yaml; charset=utf-8");
            assertThat(file.isEphemeral()).isTrue();
            assertThat(file.getUrl()).startsWith("http://127.0.0.1:").contains("/ephemeral-attachments/"
                    + stub.applicationId() + "/" + file.getId() + "/show%20plan.yaml");
            assertThat(downloaded.get(5, TimeUnit.SECONDS)).isEqualTo(yaml);
            assertThat(stub.attachmentDownloads()).isEqualTo(1);
            assertThat(response.message().content()).isEqualTo("Got it");
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a deferred reply is complete once the bot edits @original, and reads as edited")
    void deferredReplyThenEdit() {
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                event.deferReply(true).queue(hook -> hook.editOriginal(new MessageEditBuilder()
                        .setContent("Show delayed by 15 minutes")
                        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .build()).queue());
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            registerCommands(bot);

            InteractionResponse response = stub.slash(SlashCommandInvocation.of("delay").option("minutes", 15)
                    .by(PRODUCER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);

            assertThat(response.callbackType()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
            assertThat(response.deferred()).isTrue();
            assertThat(response.ephemeral()).isTrue();
            assertThat(response.message().content()).isEqualTo("Show delayed by 15 minutes");
            assertThat(response.message().editedAt()).isNotNull();
            assertThat(stub.requestsTo("PATCH", "webhooks/" + stub.applicationId() + "/.+/messages/@original"))
                    .singleElement().extracting(RecordedRequest::status).isEqualTo(200);
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("autocomplete sends the focused option and gets the bot's choices back")
    void autocompleteChoices() throws Exception {
        CompletableFuture<String> typed = new CompletableFuture<>();
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
                typed.complete(event.getFocusedOption().getName() + "=" + event.getFocusedOption().getValue());
                event.replyChoiceStrings("Anya Petrova", "Ana Lima").queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            registerCommands(bot);

            InteractionResponse response = stub.autocomplete(AutocompleteInvocation.of("arrived").typing("model", "an")
                    .by(DRESSER).in(BACKSTAGE)).awaitResponse(DISCORD_LIMIT);

            assertThat(typed.get(1, TimeUnit.SECONDS)).isEqualTo("model=an");
            assertThat(response.callbackType()).isEqualTo(InteractionResponse.AUTOCOMPLETE_RESULT);
            assertThat(response.choices()).extracting(InteractionResponse.Choice::name)
                    .containsExactly("Anya Petrova", "Ana Lima");
            assertThat(stub.violations()).isEmpty();
        }
    }
}
