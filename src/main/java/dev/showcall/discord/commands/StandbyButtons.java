package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.discord.EscalationMessages;
import dev.showcall.discord.Replies;
import dev.showcall.looks.Replacements;
import dev.showcall.roster.MemberList;
import dev.showcall.show.DiscordBinding;
import dev.showcall.show.Model;
import dev.showcall.text.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * "Offer standby" on the producers' step of a model's ladder: {@code standby:<show id>:<ref of her call>} answers
 * with a button per standby of the show file; {@code standby:<show id>:<ref>:<n>} gives her looks to the n-th, as
 * {@code /replace} does. The press comes in a DM, where Discord gives no roles: they are looked up in the server.
 */
public final class StandbyButtons implements ButtonHandler {

    /** Discord's limit: five rows of five buttons. */
    static final int MAX_STANDBYS = 25;

    private final Replacements replacements;
    private final ShowDirectory shows;
    private final MemberList members;

    public StandbyButtons(Replacements replacements, ShowDirectory shows, MemberList members) {
        this.replacements = replacements;
        this.shows = shows;
        this.members = members;
    }

    @Override
    public String buttonPrefix() {
        return EscalationMessages.STANDBY_BUTTON;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder) {
        Optional<PlannedShow> show = idParts.length >= 3 ? shows.byId(idParts[1]) : Optional.empty();
        if (show.isEmpty()) {
            responder.reply(Replies.error("This show is no longer running; nothing was changed."));
            return;
        }
        Optional<Model> model = show.get().modelByRef(idParts[2]);
        if (model.isEmpty()) {
            responder.reply(Replies.error("This model is no longer in the show file; nothing was changed."));
            return;
        }
        if (!requirePrOrProducer(show.get(), event.getUser().getIdLong(), responder)) {
            return;
        }
        if (idParts.length == 3) {
            responder.reply(offer(show.get(), model.get()));
            return;
        }
        replaceWith(event, show.get(), model.get(), idParts[3], responder);
    }

    private void replaceWith(ButtonInteractionEvent event, PlannedShow show, Model model, String index,
                             Responder responder) {
        List<Model> standbys = standbys(show);
        Optional<Model> chosen = index.chars().allMatch(Character::isDigit) && !index.isEmpty()
                && Integer.parseInt(index) < standbys.size()
                ? Optional.of(standbys.get(Integer.parseInt(index))) : Optional.empty();
        // the button names her: a show file changed since the offer must not give the looks to someone else
        if (chosen.isEmpty() || !chosen.get().name().equals(event.getButton().getLabel())) {
            responder.reply(Replies.error("The standbys changed since this offer; nothing was changed. Use `/replace`."));
            return;
        }
        Replacements.Outcome outcome = replacements.replace(show, model.name(), chosen.get().name(),
                event.getUser().getIdLong());
        if (outcome instanceof Replacements.Outcome.Replaced replaced) {
            responder.reply(ReplaceCommand.replied(replaced, List.of()));
        } else if (outcome instanceof Replacements.Outcome.Refused refused) {
            responder.reply(Replies.error("Cannot replace: " + refused.reason() + " Nothing was changed."));
        } else {
            responder.reply(Replies.error("Cannot replace " + UserText.inline(model.name()) + " now; use `/replace`."));
        }
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData offer(PlannedShow show, Model model) {
        List<Model> standbys = standbys(show);
        if (standbys.isEmpty()) {
            return Replies.error("The show file has no standby; give her looks to another model with `/replace`.");
        }
        List<ActionRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_STANDBYS, standbys.size()); i++) {
            row.add(Button.primary(EscalationMessages.standbyId(show.id(), dev.showcall.show.CallPlanner.modelKey(model.name())) + ":" + i,
                    UserText.plain(standbys.get(i).name(), Button.LABEL_MAX_LENGTH)));
            if (row.size() == 5) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return Replies.builder("🔁 Who walks " + Replies.bold(model.name()) + "'s looks instead? This is `/replace`: "
                + "the dressers and the standby are told.").setComponents(rows).build();
    }

    private static List<Model> standbys(PlannedShow show) {
        return show.show().models().stream().filter(Model::standby).toList();
    }

    private boolean requirePrOrProducer(PlannedShow show, long userId, Responder responder) {
        DiscordBinding discord = show.show().discord();
        boolean allowed = holds(discord.guildId(), discord.producerRoleId(), userId)
                || holds(discord.guildId(), discord.prRoleId(), userId);
        if (!allowed) {
            responder.reply(Replies.error("Only PR and producers can replace a model for "
                    + UserText.inline(show.show().name()) + "."));
        }
        return allowed;
    }

    private boolean holds(long guildId, long roleId, long userId) {
        return members.holders(guildId, roleId).stream().anyMatch(h -> h.userId() == userId);
    }
}
