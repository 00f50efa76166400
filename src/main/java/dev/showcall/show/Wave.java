package dev.showcall.show;

import java.time.Instant;
import java.util.List;

/** Models who take the hair-and-makeup chairs together. Numbered from 1. */
public record Wave(int number, Instant call, Instant chairs, List<String> models) {

    public Wave {
        models = List.copyOf(models);
    }
}
