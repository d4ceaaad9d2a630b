package io.krug.events.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Someone who speaks or hosts at an event. */
public record Speaker(@Schema(example = "Мария Петрова") @NotBlank @Size(max = 200) String name,
		@Schema(example = "Сомелье") @Nullable @Size(max = 200) String title,
		@Schema(example = "https://cdn.example/maria.jpg") @Nullable @Size(max = 2000)
		@Pattern(regexp = EventDraft.URL) String photoUrl) {
}
