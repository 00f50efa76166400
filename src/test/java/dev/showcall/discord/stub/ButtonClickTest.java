package dev.showcall.discord.stub;

import static dev.showcall.discord.stub.TestGuilds.BACKSTAGE;
import static dev.showcall.discord.stub.TestGuilds.DRESSER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Button clicks through the Discord stub")
class ButtonClickTest {

    private static final Duration DISCORD_LIMIT = Duration.ofSeconds(3);

    @Test
    @DisplayName("a click on a button the bot posted reaches the listener, and its update replaces the message")
    void clickUpdatesMessage() {
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                event.editMessage(event.getUser().getName() + " is here (" + event.getComponentId() + ")")
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .queue();
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            // given the bot posted a call with a button
            Message call = bot.jda().getTextChannelById(BACKSTAGE).sendMessage("Jo, you are called")
                    .setComponents(ActionRow.of(Button.primary("call:here", "I'm here")))
                    .complete();
            assertThat(stub.messages(BACKSTAGE)).singleElement()
                    .satisfies(m -> assertThat(m.customIds()).containsExactly("call:here"));

            // when Jo clicks it
            InteractionResponse response = stub.click(ButtonClick.of("call:here").on(call.getIdLong()).by(DRESSER))
                    .awaitResponse(DISCORD_LIMIT);

            // then the message itself now says Jo is here and has no button left
            assertThat(response.callbackType()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
            assertThat(response.message().id()).isEqualTo(call.getIdLong());
            assertThat(stub.messages(BACKSTAGE)).singleElement().satisfies(m -> {
                assertThat(m.content()).isEqualTo("jo is here (call:here)");
                assertThat(m.components()).isEmpty();
            });
            assertThat(stub.violations()).isEmpty();
        }
    }

    @Test
    @DisplayName("a click in a DM the bot opened is delivered without a guild, and a deferred edit completes it")
    void clickInDirectMessage() {
        ListenerAdapter listener = new ListenerAdapter() {
            @Override
            public void onButtonInteraction(ButtonInteractionEvent event) {
                boolean inDm = !event.isFromGuild();
                event.deferEdit().queue(hook -> hook.editOriginal(new MessageEditBuilder()
                        .setContent(inDm ? "Thanks, see you soon" : "wrong place")
                        .setComponents()
                        .setAllowedMentions(EnumSet.noneOf(MentionType.class))
                        .build()).queue());
            }
        };
        try (DiscordStub stub = DiscordStub.start(TestGuilds.backstage());
             JdaUnderTest bot = JdaUnderTest.connect(stub, listener)) {
            // given the bot sent Jo a call in DM
            Message call = bot.jda().openPrivateChannelById(DRESSER)
                    .flatMap(dm -> dm.sendMessage("Your call is at 16:30")
                            .setComponents(ActionRow.of(Button.success("call:on-my-way", "On my way"))))
                    .complete();

            // when Jo clicks "On my way"
            InteractionResponse response = stub.click(ButtonClick.of("call:on-my-way").on(call.getIdLong()).by(DRESSER))
                    .awaitResponse(DISCORD_LIMIT);

            // then the DM reads as edited by the bot
            assertThat(response.callbackType()).isEqualTo(InteractionResponse.DEFERRED_UPDATE_MESSAGE);
            assertThat(stub.dms(DRESSER)).singleElement()
                    .satisfies(m -> assertThat(m.content()).isEqualTo("Thanks, see you soon"));
        }
    }
}
