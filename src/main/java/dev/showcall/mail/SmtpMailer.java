package dev.showcall.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mails through an SMTP server (plain, with STARTTLS, or over TLS), each on a connection of its own, on two
 * threads of its own: whoever sends (a Quartz thread that must be on time for the next ping) never waits on the
 * network. Connecting, and every read and write, fail after the settings' timeout, so a server that is down or
 * silent fails the send instead of holding a thread. The password is never logged.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private static final int THREADS = 2;

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final ExecutorService executor;

    /** A send that did not go through; the mail can be sent again, with the same Message-ID. */
    public static final class SendFailed extends RuntimeException {
        public SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public SmtpMailer(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The sender " + settings.from() + " is not an email address", e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "showcall-mail-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    static Properties properties(MailSettings settings) {
        String protocol = protocol(settings);
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", settings.host());
        p.setProperty("mail." + protocol + ".port", Integer.toString(settings.port()));
        p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        p.setProperty("mail." + protocol + ".timeout", timeout);
        p.setProperty("mail." + protocol + ".writetimeout", timeout);
        p.setProperty("mail." + protocol + ".from", settings.from());
        p.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.user().isPresent()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                p.setProperty("mail.smtps.ssl.enable", "true");
                p.setProperty("mail.smtps.ssl.checkserveridentity", "true");
            }
            case PLAIN -> {
                // as it is: a relay on the venue's network or on the machine itself
            }
        }
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    private static String protocol(MailSettings settings) {
        return settings.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
    }

    @Override
    public CompletableFuture<Void> send(Mail mail) {
        try {
            return CompletableFuture.runAsync(() -> deliver(mail), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SendFailed("The mailer is closed: " + mail.key() + " was not sent", e));
        }
    }

    private void deliver(Mail mail) {
        try {
            MimeMessage message = message(mail);
            try (Transport transport = session.getTransport(protocol(settings))) {
                transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                        settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
            log.debug("Mail {} sent through {} as {}", mail.key(), settings.url(), mail.messageId());
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail {} not sent through {}: {}", mail.key(), settings.url(), e.getMessage());
            throw new SendFailed("Mail " + mail.key() + " not sent through " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** The mail as MIME: its own Message-ID, UTF-8 throughout, the calendar as a text/calendar attachment. */
    MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, addresses(mail.to()));
        if (!mail.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(mail.cc()));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.calendar().isEmpty()) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            Mail.Attachment calendar = mail.calendar().get();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.content(), calendar.contentType())));
            file.setHeader("Content-Type", calendar.contentType());
            file.setFileName(calendar.fileName());
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(text, file));
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress[] addresses(List<String> addresses) throws MessagingException {
        InternetAddress[] result = new InternetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new InternetAddress(addresses.get(i), true);
        }
        return result;
    }

    /** Lets the mails already given finish (a few seconds at most), then stops the threads. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeout().toMillis() * 3 + 1000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }
}
