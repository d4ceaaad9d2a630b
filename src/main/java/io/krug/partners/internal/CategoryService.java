package io.krug.partners.internal;

import io.krug.partners.Category;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The current program's business categories. Callers are authorized at the web edge ({@code manage_businesses}). */
@Service
@Validated
public class CategoryService {

	/** Seed 003's categories, which every new program starts with. */
	static final List<Category> DEFAULTS = List.of(new Category("beauty_salon", "Салон красоты", false, 10),
			new Category("cosmetology", "Косметология", true, 20), new Category("dentistry", "Стоматология", true, 30),
			new Category("medicine", "Медицина", true, 40), new Category("gastronomy", "Гастрономия", false, 50),
			new Category("floristry", "Флористика", false, 60), new Category("optics", "Оптика", false, 70),
			new Category("home", "Дом", false, 80), new Category("legal", "Юридические услуги", false, 90));

	private final CategoryRepository categories;

	private final BusinessRepository businesses;

	private final Clock clock;

	CategoryService(CategoryRepository categories, BusinessRepository businesses, Clock clock) {
		this.categories = categories;
		this.businesses = businesses;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Category> list() {
		return categories.all(TenantContext.require());
	}

	@Transactional(readOnly = true)
	public Category get(String key) {
		return categories.find(TenantContext.require(), key).orElseThrow(() -> notFound(key));
	}

	@Transactional
	public Category create(@Valid NewCategory command) {
		Category category = new Category(command.key(), command.name().strip(), command.medical(),
				command.sortOrder());
		if (!categories.insert(TenantContext.require(), category, clock.instant())) {
			throw PartnersError.CATEGORY_EXISTS.exception("Category '" + command.key() + "' already exists.");
		}
		return category;
	}

	@Transactional
	public Category update(String key, @Valid CategoryChanges changes) {
		ProgramId program = TenantContext.require();
		Category current = categories.find(program, key).orElseThrow(() -> notFound(key));
		Category changed = new Category(key, changes.name() == null ? current.name() : changes.name().strip(),
				changes.medical() == null ? current.medical() : changes.medical(),
				changes.sortOrder() == null ? current.sortOrder() : changes.sortOrder());
		categories.update(program, changed, clock.instant());
		return changed;
	}

	/** Deletes a category no business uses, active or not. */
	@Transactional
	public void delete(String key) {
		ProgramId program = TenantContext.require();
		if (businesses.anyInCategory(program, key)) {
			throw PartnersError.CATEGORY_IN_USE
				.exception("Category '" + key + "' has businesses; move them to another category first.");
		}
		try {
			if (!categories.delete(program, key)) {
				throw notFound(key);
			}
		}
		catch (DataIntegrityViolationException raced) {
			// a business was added to the category after the check above
			throw PartnersError.CATEGORY_IN_USE.exception("Category '" + key + "' has businesses.");
		}
	}

	/**
	 * Gives the current program seed 003's categories unless it already has categories (so categories an admin
	 * deleted do not come back). Safe to run any number of times, also concurrently.
	 *
	 * @return how many categories were created
	 */
	@Transactional
	public int ensureDefaults() {
		ProgramId program = TenantContext.require();
		if (categories.any(program)) {
			return 0;
		}
		int created = 0;
		for (Category category : DEFAULTS) {
			created += categories.insert(program, category, clock.instant()) ? 1 : 0;
		}
		return created;
	}

	/** Programs that have categories: call in system scope ({@link TenantContext#callAsSystem}) only. */
	@Transactional(readOnly = true)
	Set<UUID> programsWithCategories() {
		return categories.programsWithCategories();
	}

	private static RuntimeException notFound(String key) {
		return PartnersError.CATEGORY_NOT_FOUND.exception("No category '" + key + "' in this program.");
	}
}
