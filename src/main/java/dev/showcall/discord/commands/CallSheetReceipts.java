package dev.showcall.discord.commands;

import dev.showcall.callsheet.Receipt;
import dev.showcall.discord.Replies;

/** A person's call-sheet receipt at the end of their line in {@code /calls}: short, as the embeds' budget is shared. */
final class CallSheetReceipts {

    private CallSheetReceipts() {
    }

    /** " · 📋 confirmed 2 hours ago"; nothing for a line without a receipt. */
    static String suffix(Receipt receipt) {
        if (receipt == null) {
            return "";
        }
        String update = receipt.update() ? "update " : "";
        String when = receipt.at().map(at -> " " + Replies.relative(at)).orElse("");
        return " · 📋 " + switch (receipt.state()) {
            case NOT_LINKED -> "sheet: not linked";
            case NOT_SENT -> "sheet not sent yet";
            case SENDING -> update + "sending";
            case RECEIVED -> update + "received" + when;
            case DMS_CLOSED -> "⚠️ DMs closed" + when;
            case EMAILED -> update + "emailed" + when;
            case GOT_IT -> update + "confirmed" + when;
        };
    }
}
