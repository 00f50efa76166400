package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.replan.PlanUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /show upload file:<attachment>}: a new version of the show file, validated, with what it would change
 * and Apply and Cancel buttons. Producers only. The file is downloaded on the interaction's worker thread,
 * never JDA's; one that is not YAML, or too large to be a show file, is refused without being downloaded.
 */
public final class ShowUploadCommand implements ShowCommand.Subcommand {

    public static final String NAME = "upload";
    public static final String FILE_OPTION = "file";
    /** Discord answers within a second; a download still going after this is not coming. */
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(ShowUploadCommand.class);

    private final PlanUpdates updates;

    public ShowUploadCommand(PlanUpdates updates) {
        this.updates = updates;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What Discord shows of the subcommand, without the {@code show} option, which {@link ShowCommand} adds. */
    static SubcommandData subcommandData() {
        return new SubcommandData(NAME, "A new version of the show file: see what it changes, then apply it (producers)")
                .addOptions(new OptionData(OptionType.ATTACHMENT, FILE_OPTION, "The show file (.yaml)", true));
    }

    @Override
    public void onSubcommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        OptionMapping option = event.getOption(FILE_OPTION);
        if (option == null || option.getType() != OptionType.ATTACHMENT) {
            responder.reply(Replies.error("Attach the show file (.yaml) to upload."));
            return;
        }
        Message.Attachment file = option.getAsAttachment();
        String name = file.getFileName();
        if (!isYaml(name)) {
            responder.reply(Replies.error(Replies.bold(name) + " is not a show file: upload the .yaml file."));
            return;
        }
        if (file.getSize() > PlanUpdates.MAX_BYTES) {
            responder.reply(tooLarge(name));
            return;
        }
        String text;
        try {
            text = download(file);
        } catch (PlanUpdates.TooLarge e) {
            responder.reply(tooLarge(name));
            return;
        } catch (CharacterCodingException e) {
            responder.reply(Replies.error(Replies.bold(name) + " is not UTF-8 text: save the show file as UTF-8 and"
                    + " upload it again."));
            return;
        } catch (IOException | ExecutionException | TimeoutException e) {
            log.warn("Show {}: could not download {} from Discord", show.id(), name, e);
            responder.reply(Replies.error("The file could not be downloaded from Discord; nothing was changed. Try"
                    + " again in a moment."));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            responder.reply(Replies.error("showcall is shutting down; try again in a minute."));
            return;
        }
        PlanUpdates.Proposal proposal = updates.propose(show, name, text, event.getUser().getIdLong());
        responder.reply(PlanReplies.proposal(proposal, show.show().name()));
    }

    static boolean isYaml(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData tooLarge(String name) {
        return Replies.error(Replies.bold(name) + " is larger than " + PlanUpdates.MAX_BYTES / 1024
                + " KiB: that is not a show file. Nothing was changed.");
    }

    /** At most one byte more than a show file may have, read off the attachment's address. */
    private static String download(Message.Attachment file)
            throws IOException, ExecutionException, TimeoutException, InterruptedException {
        try (InputStream in = file.getProxy().download().get(DOWNLOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return PlanUpdates.text(in.readNBytes(PlanUpdates.MAX_BYTES + 1));
        }
    }
}
