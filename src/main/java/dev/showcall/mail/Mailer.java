package dev.showcall.mail;

import java.util.concurrent.CompletableFuture;

/** Sends mails. */
public interface Mailer {

    /**
     * Sends {@code mail} without making the caller wait on the network. The future completes once the server took
     * the mail, and fails when it did not (an SMTP error, a server that cannot be reached or does not answer in
     * time), so that the caller can try again later: the mail keeps its Message-ID.
     */
    CompletableFuture<Void> send(Mail mail);
}
