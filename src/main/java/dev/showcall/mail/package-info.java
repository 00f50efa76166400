/**
 * Calls by email, for the people who are not on Discord: the mails a call, a reminder, a moved call, the call sheet
 * and a ladder's step send ({@link dev.showcall.mail.CallMails}, pure), and their sending over SMTP
 * ({@link dev.showcall.mail.SmtpMailer}). Knows nothing of Discord.
 */
package dev.showcall.mail;
