package dev.showcall.discord.commands;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Handles the buttons whose custom id starts with {@link #buttonPrefix()} and a colon. Custom
 * ids carry ids only, so a click after a restart still finds what it is about.
 */
public interface ButtonHandler {

    String buttonPrefix();

    void onButton(ButtonInteractionEvent event, String[] idParts, Responder responder);
}
