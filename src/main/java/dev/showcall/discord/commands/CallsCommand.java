package dev.showcall.discord.commands;

import dev.showcall.show.Closest;
import dev.showcall.show.Names;
import dev.showcall.text.UserText;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.CallStatuses;
import dev.showcall.discord.Replies;
import dev.showcall.show.CallPlanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.showcall.callsheet.Receipt;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /calls [filter] [department]}: producers see where everyone on the call sheet stands. */
public final class CallsCommand extends ShowSlashCommand {

    public static final String NAME = "calls";
    public static final String FILTER_OPTION = "filter";
    public static final String DEPARTMENT_OPTION = "department";
    public static final String EVERYONE = "everyone";
    public static final String NOT_CONFIRMED = "not-confirmed";
    public static final String ESCALATED = "escalated";

    /** Discord's embed limits: a description of 4096, 6000 characters over a message's embeds. */
    static final int DESCRIPTION_BUDGET = 4000;
    static final int MESSAGE_BUDGET = 5800;
    static final int MAX_EMBEDS = 10;

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME, "Where everyone on the call sheet stands (producers)",
            new OptionData(OptionType.STRING, FILTER_OPTION, "Everyone, who has not confirmed, or who is escalated", false)
                    .addChoice("everyone", EVERYONE)
                    .addChoice("not confirmed", NOT_CONFIRMED)
                    .addChoice("escalated", ESCALATED),
            new OptionData(OptionType.STRING, DEPARTMENT_OPTION, "One department only", false, true));

    private final CallStatuses statuses;
    /** Where each person stands with the call sheet sent ahead, by call key: none before it went out. */
    private final Function<PlannedShow, Map<String, Receipt>> receipts;

    public CallsCommand(CallStatuses statuses) {
        this(statuses, show -> Map.of());
    }

    public CallsCommand(CallStatuses statuses, Function<PlannedShow, Map<String, Receipt>> receipts) {
        super(DATA);
        this.statuses = statuses;
        this.receipts = receipts;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        String filter = event.getOption(FILTER_OPTION, EVERYONE, OptionMapping::getAsString);
        boolean notConfirmed = NOT_CONFIRMED.equals(filter);
        boolean escalated = ESCALATED.equals(filter);
        Optional<String> typed = Optional.ofNullable(event.getOption(DEPARTMENT_OPTION))
                .map(OptionMapping::getAsString).map(String::strip);
        Optional<String> department = typed.flatMap(t -> departments(show).stream().filter(d -> Names.same(d, t)).findFirst());
        if (typed.isPresent() && department.isEmpty()) {
            responder.reply(Replies.error("No department called " + Replies.quote(typed.get()) + ". Departments: "
                    + String.join(", ", departments(show).stream().map(UserText::inline).toList()) + "."));
            return;
        }
        List<CallStatuses.Status> shown = statuses.of(show).stream()
                .filter(s -> !notConfirmed || (s.call().userId().isPresent()
                        && CallStatuses.State.NOT_CONFIRMED.contains(s.state())))
                .filter(s -> !escalated || s.escalated())
                .filter(s -> department.isEmpty() || Names.same(s.call().departmentName(), department.get()))
                .toList();
        String title = UserText.inline(show.show().name()) + " · " + (notConfirmed ? "not confirmed" : escalated ? "escalated" : "calls")
                + department.map(d -> " · " + UserText.inline(d)).orElse("") + " (" + shown.size() + ")";
        long notLinked = shown.stream().filter(s -> s.call().notLinked()).count();
        String content = (shown.isEmpty() ? "Nobody to list." : "") + (notLinked == 0 ? ""
                : "🔗 " + notLinked + (notLinked == 1 ? " person is" : " people are") + " not linked on Discord and "
                + "called by name in the calls channel: link them with `/link`.");
        Map<String, Receipt> sheets = receipts.apply(show);
        responder.reply(Replies.builder(content).setEmbeds(embeds(title, shown, sheets)).build());
    }

    @Override
    public List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        return Closest.ranked(event.getFocusedOption().getValue(), departments(show),
                CommandListener.MAX_CHOICES);
    }

    private static List<String> departments(PlannedShow show) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        show.show().departments().forEach(d -> names.add(d.name()));
        names.add(CallPlanner.MODELS_DEPARTMENT_NAME);
        return List.copyOf(names);
    }

    /** As many embeds as the lines need, within Discord's limits; what does not fit is counted. */
    static List<MessageEmbed> embeds(String title, List<CallStatuses.Status> statuses, Map<String, Receipt> sheets) {
        List<StringBuilder> pages = new ArrayList<>(List.of(new StringBuilder()));
        int total = title.length();
        int shown = 0;
        for (CallStatuses.Status s : statuses) {
            String line = line(s) + CallSheetReceipts.suffix(sheets.get(s.call().key())) + "\n";
            StringBuilder page = pages.get(pages.size() - 1);
            boolean newPage = page.length() + line.length() > DESCRIPTION_BUDGET;
            if (total + line.length() > MESSAGE_BUDGET || newPage && pages.size() == MAX_EMBEDS) {
                break;
            }
            if (newPage) {
                pages.add(new StringBuilder());
            }
            pages.get(pages.size() - 1).append(line);
            total += line.length();
            shown++;
        }
        if (shown < statuses.size()) {
            pages.get(pages.size() - 1).append("… and ").append(statuses.size() - shown)
                    .append(" more: pick a department to see them.");
        }
        List<MessageEmbed> embeds = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            embeds.add(embed(i == 0 ? title : null, pages.get(i)));
        }
        return embeds;
    }

    private static MessageEmbed embed(String title, StringBuilder description) {
        EmbedBuilder embed = new EmbedBuilder().setDescription(description.length() == 0 ? "—" : description);
        if (title != null) {
            embed.setTitle(UserText.cut(title, MessageEmbed.TITLE_MAX_LENGTH));
        }
        return embed.build();
    }

    static String line(CallStatuses.Status s) {
        return Replies.time(s.callAt()) + " " + Replies.bold(s.call().departmentName()) + " · "
                + UserText.inline(s.call().who()) + " — " + describe(s) + ladder(s)
                + s.call().account().filter(a -> s.call().notLinked())
                        .map(a -> " · 🔗 not linked (" + UserText.inline(a.ref()) + ")").orElse("")
                + reach(s);
    }

    /** How their call reached them, or will: " · 💬 DM", " · ✉️ email", … */
    static String reach(CallStatuses.Status s) {
        return switch (s.reach()) {
            case DM -> s.state() == CallStatuses.State.UNREACHABLE ? "" : " · 💬 DM";
            case EMAIL -> s.state() == CallStatuses.State.UNREACHABLE ? "" : " · ✉️ email";
            case CALLS_CHANNEL -> " · 📣 calls channel";
            case BY_NAME -> " · 📣 by name";
            case ROLE -> s.state() == CallStatuses.State.CALLED_BY_ROLE ? "" : " · 📣 role";
            case NOBODY -> s.state() == CallStatuses.State.PR_MARKS_IN ? "" : " · nobody";
        };
    }

    /** " · ⏫ step 2 of 3: lead told 18:20", or who reached them. */
    static String ladder(CallStatuses.Status s) {
        return s.climb().map(c -> " · ⏫ step " + c.step() + " of " + c.of() + ": " + c.action().done() + " "
                        + Replies.time(c.at()))
                .or(() -> s.reached().map(r -> " · ✅ reached by " + Replies.user(r.stoppedBy()) + " "
                        + Replies.time(r.stoppedAt())))
                .orElse("");
    }

    static String describe(CallStatuses.Status s) {
        return switch (s.state()) {
            case NOT_YET_CALLED -> "not yet called";
            case CALLED -> "called, no answer yet";
            case ON_MY_WAY -> "on the way";
            case RUNNING_LATE -> "running " + s.lateMinutes().orElse(0) + " min late";
            case HERE -> "here";
            case UNREACHABLE -> s.reach() == CallStatuses.Reach.EMAIL ? "⚠️ unreachable by email" : "⚠️ unreachable by DM";
            case CALLED_BY_ROLE -> "called through the role";
            case PR_MARKS_IN -> "no Discord: PR marks her in";
            case LATE -> "⚠️ late, not marked arrived";
            case NO_SHOW -> "🚫 no-show";
        };
    }
}
