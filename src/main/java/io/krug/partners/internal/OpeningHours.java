package io.krug.partners.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business's weekly opening hours: for each day its open stretches (a day that is missing or empty is a closed
 * day), and a free-text note for what the map cannot say ("по записи", "санитарный день — последний понедельник").
 */
@Schema(example = """
		{"mon": [{"opens": "10:00", "closes": "21:00"}], "sat": [{"opens": "11:00", "closes": "18:00"}], \
		"note": "Воскресенье — по записи"}""")
public record OpeningHours(@Nullable @Size(max = 4) List<@Valid TimeRange> mon,
		@Nullable @Size(max = 4) List<@Valid TimeRange> tue, @Nullable @Size(max = 4) List<@Valid TimeRange> wed,
		@Nullable @Size(max = 4) List<@Valid TimeRange> thu, @Nullable @Size(max = 4) List<@Valid TimeRange> fri,
		@Nullable @Size(max = 4) List<@Valid TimeRange> sat, @Nullable @Size(max = 4) List<@Valid TimeRange> sun,
		@Nullable @Size(max = 500) String note) {
}
