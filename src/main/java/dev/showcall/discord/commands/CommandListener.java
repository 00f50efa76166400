package dev.showcall.discord.commands;

import dev.showcall.discord.Replies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener for slash commands, autocomplete and buttons. It hands each interaction to
 * a worker thread at once, so JDA's event thread never waits on the database.
 */
public final class CommandListener extends ListenerAdapter {

    /** Discord shows at most 25 autocomplete choices. */
    public static final int MAX_CHOICES = Choices.MAX;

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final Map<String, SlashCommand> commands;
    private final List<SlashCommandData> commandData;
    private final Map<String, ButtonHandler> buttons;
    private final ShowResolver resolver;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final InteractionMeters meters;

    public CommandListener(List<SlashCommand> commands, List<ButtonHandler> buttons, ShowResolver resolver,
                           ExecutorService workers, ScheduledExecutorService timer) {
        this(commands, buttons, resolver, workers, timer, InteractionMeters.NONE);
    }

    public CommandListener(List<SlashCommand> commands, List<ButtonHandler> buttons, ShowResolver resolver,
                           ExecutorService workers, ScheduledExecutorService timer, InteractionMeters meters) {
        this.meters = meters;
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(SlashCommand::name, Function.identity()));
        this.commandData = commands.stream().map(SlashCommand::data).toList();
        this.buttons = buttons.stream().collect(Collectors.toUnmodifiableMap(ButtonHandler::buttonPrefix, Function.identity()));
        this.resolver = resolver;
        this.workers = workers;
        this.timer = timer;
    }

    /** Every command's data, in the order given, to register in a guild. */
    public List<SlashCommandData> commandData() {
        return commandData;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Responder responder = new Responder(event, meters, "command");
        submit(event.getName(), responder, () -> handleSlash(event, responder));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        try {
            workers.execute(() -> handleAutoComplete(event));
        } catch (RejectedExecutionException e) {
            log.debug("Autocomplete for /{} dropped while shutting down", event.getName());
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Responder responder = new Responder(event, meters, "button");
        submit(event.getComponentId(), responder, () -> handleButton(event, responder));
    }

    private void submit(String what, Responder responder, Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Interaction {} failed", what, e);
                    responder.reply(Replies.error(Replies.SOMETHING_WENT_WRONG));
                }
            });
            responder.acknowledgeIfSlow(timer);
        } catch (RejectedExecutionException e) {
            responder.reply(Replies.error("showcall is shutting down; try again in a minute."));
        }
    }

    private void handleSlash(SlashCommandInteractionEvent event, Responder responder) {
        SlashCommand command = commands.get(event.getName());
        if (command == null || event.getGuild() == null) {
            responder.reply(Replies.error("This command is not available here."));
            return;
        }
        Optional<String> showOption = Optional.ofNullable(event.getOption(SlashCommand.SHOW_OPTION))
                .map(OptionMapping::getAsString);
        ShowResolver.Resolution resolution = resolver.resolve(event.getGuild().getIdLong(), event.getChannelIdLong(),
                showOption);
        if (resolution instanceof ShowResolver.Resolution.Found found) {
            command.onSlashCommand(event, found.show(), responder);
        } else if (resolution instanceof ShowResolver.Resolution.NotFound notFound) {
            responder.reply(Replies.error(notFound.reason()));
        }
    }

    /**
     * Answers whatever the show's data: a failure to rank the choices answers none, every choice is
     * built by {@link Choices}, and an answer JDA would refuse is logged, never thrown.
     */
    private void handleAutoComplete(CommandAutoCompleteInteractionEvent event) {
        List<Command.Choice> choices = List.of();
        try {
            choices = Choices.of(event.getName(), suggestionsFor(event));
        } catch (RuntimeException e) {
            log.error("Autocomplete for /{} failed", event.getName(), e);
        }
        try {
            event.replyChoices(choices)
                    .queue(null, e -> log.debug("Autocomplete answer for /{} not delivered", event.getName(), e));
        } catch (RuntimeException e) {
            log.error("Autocomplete answer for /{} could not be sent", event.getName(), e);
        }
    }

    private List<Suggestion> suggestionsFor(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null || event.getGuild() == null) {
            return List.of();
        }
        long guildId = event.getGuild().getIdLong();
        if (event.getFocusedOption().getName().equals(SlashCommand.SHOW_OPTION)) {
            return resolver.suggestShows(guildId, event.getFocusedOption().getValue(), MAX_CHOICES).stream()
                    .map(Suggestion::of).toList();
        }
        Optional<String> showOption = Optional.ofNullable(event.getOption(SlashCommand.SHOW_OPTION))
                .map(OptionMapping::getAsString);
        if (resolver.resolve(guildId, event.getChannelIdLong(), showOption) instanceof ShowResolver.Resolution.Found found) {
            return command.choices(event, found.show());
        }
        return List.of();
    }

    private void handleButton(ButtonInteractionEvent event, Responder responder) {
        String[] parts = event.getComponentId().split(":", -1);
        ButtonHandler handler = buttons.get(parts[0]);
        if (handler == null) {
            responder.reply(Replies.error(Replies.RETIRED_BUTTON));
            return;
        }
        handler.onButton(event, parts, responder);
    }
}
