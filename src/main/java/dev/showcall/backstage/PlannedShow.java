package dev.showcall.backstage;

import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Model;
import dev.showcall.show.Show;
import java.util.List;
import java.util.Optional;

/** A loaded show with its call sheet: what the backstage rules check the day against. */
public record PlannedShow(Show show, CallSheet sheet) {

    public String id() {
        return show.id();
    }

    public Optional<Call> callOf(Model model) {
        return call(CallPlanner.modelKey(model.name()));
    }

    /** The call with this key on the sheet, if the plan still has it. */
    public Optional<Call> call(String key) {
        return sheet.calls().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The model whose name this is, whatever its case and surrounding spaces. */
    public Optional<Model> modelNamed(String typed) {
        String wanted = typed.strip();
        return show.models().stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst();
    }

    public List<String> modelNames() {
        return show.models().stream().map(Model::name).toList();
    }
}
