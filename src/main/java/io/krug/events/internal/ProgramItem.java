package io.krug.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One item of an event's programme: a local time of day and what happens then. */
public record ProgramItem(@Schema(example = "19:30") @NotBlank @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String time,
		@Schema(example = "Дегустация вин с сомелье") @NotBlank @Size(max = 300) String activity) {
}
