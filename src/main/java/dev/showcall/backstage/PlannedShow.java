package dev.showcall.backstage;

import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Model;
import dev.showcall.show.Names;
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

    /** The call whose {@link Call#ref} this is. */
    public Optional<Call> callByRef(String ref) {
        return sheet.calls().stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    /** The model whose name this is to someone typing it: whatever its case, accents and spaces ({@link Names#key}). */
    public Optional<Model> modelNamed(String typed) {
        String wanted = Names.key(typed);
        return show.models().stream().filter(m -> Names.key(m.name()).equals(wanted)).findFirst();
    }

    /** The model whose call has this {@link Call#ref}: how a button names a model without her name. */
    public Optional<Model> modelByRef(String ref) {
        return show.models().stream().filter(m -> Call.ref(CallPlanner.modelKey(m.name())).equals(ref)).findFirst();
    }

    /** {@link Call#ref} of the model's call. */
    public static String refOf(Model model) {
        return Call.ref(CallPlanner.modelKey(model.name()));
    }

    public List<String> modelNames() {
        return show.models().stream().map(Model::name).toList();
    }
}
