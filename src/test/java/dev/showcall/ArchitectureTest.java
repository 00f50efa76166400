package dev.showcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The architecture")
class ArchitectureTest {

    private static final String[] CORE = {"dev.showcall.show..", "dev.showcall.backstage..", "dev.showcall.timeline..",
            "dev.showcall.text..", "dev.showcall.report..", "dev.showcall.roster..", "dev.showcall.callsheet.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.showcall");
    }

    @Test
    @DisplayName("keeps the core (show, backstage, timeline, text, report, roster) free of Discord, Quartz and JDBC")
    void coreIsPure() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "net.dv8tion..", "org.quartz..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..")
                .because("the core is tested without Discord, a scheduler or a database (DESIGN.md, rules of the house)");

        rule.check(classes);
    }

    @Test
    @DisplayName("keeps the core from reaching out to the adapters at its edges")
    void coreDoesNotKnowAdapters() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.showcall.store..", "dev.showcall.discord..", "dev.showcall.calls..", "dev.showcall.looks..",
                        "dev.showcall.app..")
                .because("data flows from the adapters into the core, never the other way");

        rule.check(classes);
    }

    @Test
    @DisplayName("lets only the app package wire the adapters together")
    void onlyAppKnowsEverything() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.showcall.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.showcall.discord..", "dev.showcall.app..")
                .because("the store serves every adapter and depends on none");

        rule.check(classes);
    }

    @Test
    @DisplayName("keeps the services that Discord and Quartz call free of Discord and of the wiring")
    void servicesDoNotKnowDiscord() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.showcall.calls..", "dev.showcall.looks..",
                        "dev.showcall.replan..", "dev.showcall.links..", "dev.showcall.screen..")
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "dev.showcall.discord..",
                        "dev.showcall.app..")
                .because("Discord reaches them through the ports they define, such as CallNotifier");

        rule.check(classes);
    }

    @Test
    @DisplayName("keeps email an adapter beside Discord, knowing nothing of it nor of the wiring")
    void mailDoesNotKnowDiscord() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.showcall.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "dev.showcall.discord..",
                        "dev.showcall.app..", "dev.showcall.store..")
                .because("a call by email says what its DM says, on its own, for the people not on Discord");

        rule.check(classes);
    }

    @Test
    @DisplayName("keeps the web pages an adapter beside Discord: through the same services, never into the store")
    void webGoesThroughServices() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.showcall.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.showcall.store..", "dev.showcall.discord..",
                        "dev.showcall.app..", "net.dv8tion..", "java.sql..", "javax.sql..")
                .because("a page changes the show the way a slash command does, or not at all");

        rule.check(classes);
    }
}
