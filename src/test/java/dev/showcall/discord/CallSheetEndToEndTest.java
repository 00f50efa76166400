package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.showcall.backstage.CallPing;
import dev.showcall.callsheet.SentLine;
import dev.showcall.discord.commands.CallSheetCommand;
import dev.showcall.discord.commands.CallsCommand;
import dev.showcall.discord.commands.LinkCommand;
import dev.showcall.discord.commands.PlanButtons;
import dev.showcall.discord.commands.ShowCommand;
import dev.showcall.discord.commands.ShowUploadCommand;
import dev.showcall.discord.stub.ButtonClick;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.CallSheetRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The call sheet sent ahead, end to end with the real JDA client against the Discord stub")
class CallSheetEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The day before the show: none of its calls fires while a test runs. */
    private static final Instant DAY_BEFORE = Instant.parse("2027-02-20T12:00:00Z");
    private static final String SHOW = "sheet-show";
    private static final long RUNNERS_ROLE = 1190000000000000006L;
    private static final long AISHA = 1190000000000000201L;
    private static final long BEN = 1190000000000000202L;
    private static final long CLEO = 1190000000000000203L;
    private static final long DORA = 1190000000000000204L;
    private static final long NIA = 1190000000000000205L;
    private static final long ANYA = 1190000000000000301L;
    private static final List<Long> ON_DISCORD = List.of(AISHA, BEN, CLEO, ANYA);
    private static final String AISHA_CALL = "crew:hair:" + AISHA;

    @TempDir
    Path dir;

    private ShowcallOnStub bot;

    @AfterEach
    void stop() {
        if (bot == null) {
            return;
        }
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            bot.close();
        }
    }

    /** Nia is on the server as "nia", not as the "@nia.ghost" the show file gives: nobody is linked to her line. */
    private static StubGuild guild() {
        return StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .role(RUNNERS_ROLE, "Runners", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha").member(BEN, "ben").member(CLEO, "cleo").member(DORA, "dora")
                .member(NIA, "nia").member(ANYA, "anya")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .build();
    }

    /**
     * Hair (Aisha, Ben, and Nia whom nobody is linked to), a dresser, runners called through their role, a model with
     * Discord and one without.
     */
    private static String showYaml(String start, String callSheet) {
        return """
                id: %s
                name: Sheet Show
                time-zone: UTC
                start: %s
                %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: hair
                    name: Hair
                    call: 5h
                    members:
                      - { user: "%d", name: Aisha }
                      - { user: "%d", name: Ben }
                      - { user: "@nia.ghost", name: Nia Ghost }
                    meeting-point: Salon, level -1
                    lead: "%d"
                    notes: Bring your own brushes
                  - id: dressers
                    name: Dressers
                    call: 3h
                    members:
                      - { user: "%d", name: Cleo }
                  - id: runners
                    name: Runners
                    call: 4h
                    role: "%d"
                models:
                  - { name: Anya Petrova, user: "%d" }
                  - { name: Bea Moss }
                model-calls:
                  chairs: 2
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                  - { number: 2, model: Bea Moss, description: Dress }
                """.formatted(SHOW, start, callSheet, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, AISHA, BEN, AISHA,
                CLEO, RUNNERS_ROLE, ANYA);
    }

    private static String dayAfter() {
        return showYaml("2027-02-21T19:00", "");
    }

    private void startTheDayBefore() {
        bot = ShowcallOnStub.start(dir, Clock.fixed(DAY_BEFORE, ZoneOffset.UTC), guild(), dayAfter());
    }

    private InteractionResponse send(long by) {
        return bot.stub.slash(SlashCommandInvocation.of(CallSheetCommand.NAME + " " + CallSheetCommand.SEND)
                .by(by).in(TIMELINE)).awaitResponse(WAIT);
    }

    private InteractionResponse calls() {
        return bot.stub.slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER).in(TIMELINE))
                .awaitResponse(WAIT);
    }

    private InteractionResponse click(String customId, StubMessage on, long by) {
        return bot.stub.click(ButtonClick.of(customId).on(on.id()).by(by)).awaitResponse(WAIT);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    /** Until Discord has taken the call sheet of each of {@code users}, and every call sheet's ping is completed. */
    private void awaitSheets(List<Long> users, int each) throws InterruptedException {
        await(each + " call sheet(s) each for " + users, () -> users.stream().allMatch(u -> sheets(u).size() >= each));
        awaitAllTaken();
    }

    private void awaitAllTaken() throws InterruptedException {
        await("the call sheets' pings completed", () -> bot.database().inTransaction(c -> new CallPingRepository()
                .forShow(c, SHOW)).stream().filter(p -> CallPing.isCallSheet(p.ping())).allMatch(CallPing::isSent));
    }

    private List<StubMessage> sheets(long user) {
        return bot.stub.dms(user).stream().filter(m -> m.content().contains("call sheet")).toList();
    }

    private List<TimelineEvent> sheetEvents() {
        return bot.database().inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW)).stream()
                .filter(e -> e.kind() == EventKind.CALL && e.text().startsWith("Call sheet")).toList();
    }

    private static String field(StubMessage dm, String name) {
        for (JsonNode f : dm.embeds().get(0).path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asText();
            }
        }
        return "";
    }

    private static List<String> fieldNames(StubMessage dm) {
        return java.util.stream.StreamSupport.stream(dm.embeds().get(0).path("fields").spliterator(), false)
                .map(f -> f.path("name").asText()).toList();
    }

    @Test
    @DisplayName("/callsheet send DMs everyone on the sheet once: their call, meeting point, lead, notes, an .ics and "
            + "Got it")
    void sendsOnceToEveryone() throws InterruptedException {
        startTheDayBefore();

        // when a producer sends the call sheet
        InteractionResponse reply = send(PRODUCER);
        awaitSheets(ON_DISCORD, 1);

        // then each of the four people on Discord has one DM, and the reply says who cannot get it
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().content()).contains("Call sheet sent now to 4 people.")
                .contains("1 person not linked on Discord cannot get it");
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).hasSize(1));
        StubMessage aisha = bot.stub.dms(AISHA).get(0);
        assertThat(aisha.embeds().get(0).path("title").asText()).isEqualTo("Call sheet: Sheet Show");
        assertThat(field(aisha, "Department")).isEqualTo("Hair");
        assertThat(field(aisha, "Meeting point")).isEqualTo("Salon, level -1");
        assertThat(field(aisha, "Lead")).isEqualTo("<@" + AISHA + ">");
        assertThat(field(aisha, "Notes")).isEqualTo("Bring your own brushes");
        Instant call = Instant.parse("2027-02-21T14:00:00Z");
        assertThat(aisha.embeds().get(0).path("description").asText()).contains("<t:" + call.getEpochSecond() + ":F>");
        assertThat(aisha.fileText(SHOW + "-my-call.ics")).hasValueSatisfying(ics -> assertThat(ics)
                .contains("BEGIN:VEVENT").contains("DTSTART").contains("Salon"));
        assertThat(aisha.customIds()).singleElement().satisfies(id -> assertThat(id).startsWith("sheet:" + SHOW + ":"));
        assertThat(aisha.pingsAnyone()).isFalse();
        assertThat(bot.stub.messages(CALLS)).as("nobody's DMs are closed").isEmpty();
        assertThat(sheetEvents()).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Call sheet sent to 4 people; 1 not linked on Discord");
            assertThat(e.actorUserId()).hasValue(PRODUCER);
        });
    }

    @Test
    @DisplayName("a second /callsheet send, after someone was linked, reaches only them and says the others had it")
    void secondSendReachesOnlyTheRest() throws InterruptedException {
        // given the call sheet went out, then a producer linked Nia
        startTheDayBefore();
        send(PRODUCER);
        awaitSheets(ON_DISCORD, 1);
        InteractionResponse linked = bot.stub.slash(SlashCommandInvocation.of(LinkCommand.NAME)
                .option(LinkCommand.PERSON_OPTION, "Nia Ghost").option(LinkCommand.MEMBER_OPTION, Long.toString(NIA))
                .by(PRODUCER).in(TIMELINE)).awaitResponse(WAIT);
        assertThat(linked.message().content()).contains("Nia Ghost").contains("is now");

        // when the producer sends it again
        InteractionResponse again = send(PRODUCER);
        awaitSheets(List.of(NIA), 1);

        // then only Nia got it now, and the reply says the rest had it
        assertThat(again.message().content()).contains("Call sheet sent now to 1 person.")
                .contains("4 people have had it already and are not sent it again: it goes only to the rest.")
                .doesNotContain("not linked");
        assertThat(bot.stub.dms(NIA)).hasSize(1);
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).hasSize(1));
        InteractionResponse third = send(PRODUCER);
        assertThat(third.message().content()).contains("has had it already: nothing was sent");
    }

    @Test
    @DisplayName("/calls shows each person's receipt: confirmed after Got it, received, DMs closed, not linked")
    void receiptsInCalls() throws InterruptedException {
        // given Cleo's DMs are closed, and the call sheet went out
        startTheDayBefore();
        bot.stub.closeDmsOf(CLEO);
        send(PRODUCER);
        awaitSheets(List.of(AISHA, BEN, ANYA), 1);
        await("Cleo mentioned in the calls channel", () -> !bot.stub.messages(CALLS).isEmpty());
        awaitAllTaken();

        // when Aisha presses Got it and a producer asks for /calls
        StubMessage aisha = bot.stub.dms(AISHA).get(0);
        click(aisha.customIds().get(0), aisha, AISHA);
        String sheet = calls().message().embeds().get(0).path("description").asText();

        // then every line says where its person stands with the call sheet
        assertThat(sheet).containsPattern("Aisha — not yet called · 💬 DM · 📋 confirmed <t:\\d+:R>")
                .containsPattern("Ben — not yet called · 💬 DM · 📋 received <t:\\d+:R>")
                .containsPattern("Cleo — not yet called · 💬 DM · 📋 ⚠️ DMs closed <t:\\d+:R>")
                .contains("Nia Ghost — not yet called · 🔗 not linked (@nia.ghost) · 📣 by name · 📋 sheet: not linked")
                .containsPattern("Anya Petrova — not yet called · 💬 DM · 📋 received");
        assertThat(sheet.lines().filter(l -> l.contains("Bea Moss") || l.contains("Runners")))
                .as("no call sheet for a model without Discord or a role").hasSize(2)
                .noneMatch(l -> l.contains("📋"));
        assertThat(bot.stub.messages(CALLS)).singleElement().satisfies(m -> {
            assertThat(m.content()).contains("your call sheet for Sheet Show").contains("could not send you a DM");
            assertThat(m.mentionedUserIds()).containsExactly(CLEO);
        });
        assertThat(bot.stub.dms(CLEO)).isEmpty();
    }

    @Test
    @DisplayName("Got it is recorded once, who and when; a second press changes nothing and says so")
    void gotItOnce() throws InterruptedException {
        startTheDayBefore();
        send(PRODUCER);
        awaitSheets(List.of(AISHA), 1);
        StubMessage dm = bot.stub.dms(AISHA).get(0);
        String gotIt = dm.customIds().get(0);

        InteractionResponse first = click(gotIt, dm, AISHA);
        InteractionResponse second = click(gotIt, dm, AISHA);

        assertThat(first.ephemeral()).isTrue();
        assertThat(first.message().content()).contains("Thanks");
        assertThat(second.message().content()).contains("Already noted").contains("Nothing changed");
        Optional<SentLine> told = bot.database().inTransaction(c ->
                new CallSheetRepository().find(c, SHOW, AISHA_CALL, CallPing.CALL_SHEET));
        assertThat(told).hasValueSatisfying(l -> {
            assertThat(l.acknowledgedBy()).hasValue(AISHA);
            assertThat(l.acknowledgedAt()).contains(DAY_BEFORE);
        });
    }

    @Test
    @DisplayName("a plan change after the call sheet went out sends only the changed lines, and the whole sheet to "
            + "whoever it adds")
    void planChangeSendsChangedLinesOnly() throws InterruptedException {
        // given the call sheet went out
        startTheDayBefore();
        send(PRODUCER);
        awaitSheets(ON_DISCORD, 1);

        // when a new plan moves the hair meeting point and adds Dora to the dressers, and is applied
        String changed = dayAfter().replace("meeting-point: Salon, level -1", "meeting-point: Studio 2")
                .replace("      - { user: \"" + CLEO + "\", name: Cleo }",
                        "      - { user: \"" + CLEO + "\", name: Cleo }\n      - { user: \"" + DORA + "\", name: Dora }");
        InteractionResponse proposed = bot.stub.slash(SlashCommandInvocation.of(ShowCommand.NAME + " "
                        + ShowUploadCommand.NAME)
                .attachment(ShowUploadCommand.FILE_OPTION, "show.yaml", "application/x-yaml; charset=utf-8",
                        changed.getBytes(StandardCharsets.UTF_8))
                .by(PRODUCER).in(TIMELINE)).awaitResponse(WAIT);
        String apply = proposed.message().customIds().stream().filter(id -> id.startsWith(PlanButtons.APPLY + ":"))
                .findFirst().orElseThrow();
        click(apply, proposed.message(), PRODUCER);
        awaitSheets(List.of(AISHA, BEN), 2);
        awaitSheets(List.of(DORA), 1);

        // then Aisha and Ben were told the new meeting point only, Dora got her whole sheet, nobody else anything
        StubMessage update = bot.stub.dms(AISHA).get(1);
        assertThat(update.content()).contains("changed");
        assertThat(fieldNames(update)).containsExactly("Meeting point");
        assertThat(field(update, "Meeting point")).isEqualTo("Studio 2\n(was: Salon, level -1)");
        assertThat(update.customIds()).singleElement().satisfies(id -> assertThat(id.split(":")).hasSize(4));
        assertThat(bot.stub.dms(BEN)).hasSize(2);
        assertThat(sheets(DORA)).singleElement().satisfies(m ->
                assertThat(m.embeds().get(0).path("title").asText()).isEqualTo("Call sheet: Sheet Show"));
        assertThat(bot.stub.dms(CLEO)).hasSize(1);
        assertThat(bot.stub.dms(ANYA)).hasSize(1);
        assertThat(sheetEvents()).last().satisfies(e -> assertThat(e.text())
                .isEqualTo("Call sheet sent to 1 person added or linked since it went out; changed lines sent to 2 "
                        + "people whose call, meeting point, lead or notes changed"));

        // and a send after it owes nobody anything more
        InteractionResponse again = send(PRODUCER);
        assertThat(again.message().content()).contains("nothing was sent");
        assertThat(bot.stub.dms(AISHA)).hasSize(2);
    }

    /** A show whose call sheet goes out by itself a day before its start, {@code in} from now. */
    private String onTime(Duration in) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(24)).plus(in);
        return showYaml(LocalDateTime.ofInstant(start, ZoneOffset.UTC).toString(), "call-sheet: T-24h");
    }

    @Test
    @DisplayName("call-sheet: T-24h sends it by itself at its time, once: a restart sends it again to nobody")
    void onTimeOnceAcrossARestart() throws InterruptedException {
        // given a show whose call sheet goes out by itself in a few seconds
        bot = ShowcallOnStub.start(dir, new MutableClock(), guild(), onTime(Duration.ofSeconds(6)));

        // when its time comes, and showcall restarts afterwards
        awaitSheets(ON_DISCORD, 1);
        bot.stopShowcall();
        bot.startShowcall();
        InteractionResponse reply = send(PRODUCER);

        // then everyone got it once, with one line on the log
        assertThat(reply.message().content()).contains("has had it already: nothing was sent");
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).hasSize(1));
        assertThat(sheetEvents()).extracting(TimelineEvent::text)
                .containsExactly("Call sheet sent to 4 people, as the plan says; 1 not linked on Discord");
    }

    @Test
    @DisplayName("call-sheet: T-24h due while showcall was down goes out once at the next start")
    void onTimeWhileDown() throws InterruptedException {
        // given showcall stopped before the call sheet's time
        String yaml = onTime(Duration.ofSeconds(10));
        Instant due = Instant.now().plusSeconds(11);
        bot = ShowcallOnStub.start(dir, new MutableClock(), guild(), yaml);
        bot.stopShowcall();
        while (Instant.now().isBefore(due)) {
            Thread.sleep(100);
        }
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).isEmpty());

        // when it starts again after it
        bot.startShowcall();
        awaitSheets(ON_DISCORD, 1);

        // then it went out once
        InteractionResponse reply = send(PRODUCER);
        assertThat(reply.message().content()).contains("nothing was sent");
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).hasSize(1));
        assertThat(sheetEvents()).hasSize(1);
    }

    @Test
    @DisplayName("/callsheet send is for producers only")
    void producersOnly() {
        startTheDayBefore();

        InteractionResponse reply = send(AISHA);

        assertThat(reply.message().content()).contains("Only producers");
        assertThat(ON_DISCORD).allSatisfy(user -> assertThat(bot.stub.dms(user)).isEmpty());
        assertThat(sheetEvents()).isEmpty();
    }
}
