package io.krug.partners.web;

import io.krug.partners.Category;
import io.krug.partners.internal.CategoryChanges;
import io.krug.partners.internal.CategoryService;
import io.krug.partners.internal.NewCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/categories")
@PreAuthorize("hasAuthority('manage_businesses')")
@Tag(name = "Admin: categories", description = "The program's business categories")
class AdminCategoryController {

	private final CategoryService categories;

	AdminCategoryController(CategoryService categories) {
		this.categories = categories;
	}

	@GetMapping
	@Operation(summary = "List the program's categories in display order")
	Views.Categories list() {
		return new Views.Categories(categories.list());
	}

	@GetMapping("/{key}")
	@Operation(summary = "Get one category")
	@ApiResponse(responseCode = "404", description = "category_not_found")
	Category get(@PathVariable String key) {
		return categories.get(key);
	}

	@PostMapping
	@Operation(summary = "Add a category")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "category_exists")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	ResponseEntity<Category> create(@Valid @RequestBody NewCategory body) {
		Category created = categories.create(body);
		return ResponseEntity.created(URI.create("/api/v1/admin/categories/" + created.key())).body(created);
	}

	@PatchMapping("/{key}")
	@Operation(summary = "Rename, reorder or (un)mark a category as medical; its key never changes")
	@ApiResponse(responseCode = "404", description = "category_not_found")
	@ApiResponse(responseCode = "422", description = "validation_failed")
	Category update(@PathVariable String key, @Valid @RequestBody CategoryChanges body) {
		return categories.update(key, body);
	}

	@DeleteMapping("/{key}")
	@Operation(summary = "Delete a category no business uses")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "category_not_found")
	@ApiResponse(responseCode = "409", description = "category_in_use")
	ResponseEntity<Void> delete(@PathVariable String key) {
		categories.delete(key);
		return ResponseEntity.noContent().build();
	}
}
