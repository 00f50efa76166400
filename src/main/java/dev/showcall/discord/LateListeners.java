package dev.showcall.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * Lets JDA log in before showcall's listeners exist: the events that come first (the bot ready,
 * its guilds ready) are kept and handed to the listeners, in order, once they are attached.
 */
final class LateListeners implements EventListener {

    private final List<GenericEvent> early = new ArrayList<>();
    private List<EventListener> listeners;

    @Override
    public synchronized void onEvent(GenericEvent event) {
        if (listeners == null) {
            early.add(event);
            return;
        }
        listeners.forEach(l -> l.onEvent(event));
    }

    /** From now on every event goes to these; the ones kept go first. */
    synchronized void attach(List<EventListener> attached) {
        if (listeners != null) {
            throw new IllegalStateException("listeners are attached once");
        }
        listeners = List.copyOf(attached);
        for (GenericEvent event : early) {
            listeners.forEach(l -> l.onEvent(event));
        }
        early.clear();
    }
}
