package io.krug;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Rules of STYLE.md that the compiler does not check. */
class ArchitectureTests {

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.krug");

	@Test
	void domainAndPersistenceDoNotDependOnTheWebLayer() {
		noClasses().that()
			.resideInAnyPackage("..internal..", "..persistence..", "..domain..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..web..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.krug.platform.web..")))
				.as("module web layers (platform.web's shared error types excepted)"))
			.check(MAIN);
	}

	@Test
	void noJpa() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "org.hibernate..")
			.check(MAIN);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(java.time.ZonedDateTime.class, "now")
			.orShould()
			.callMethod(java.time.OffsetDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.because("tests control time through the Clock bean")
			.check(MAIN);
	}

	@Test
	void noConsoleOutputOrJavaUtilLogging() {
		GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
		GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
	}

	@Test
	void controllersAreNotTransactional() {
		noMethods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(Transactional.class)
			.because("transactions belong on application services")
			.check(MAIN);
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(Transactional.class)
			.check(MAIN);
	}

	@Test
	void moneyIsNeverFloatingPoint() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
			.that()
			.haveNameMatching("(?i).*(amount|price|balance|bonus|points|total).*")
			.should()
			.haveRawType(double.class)
			.orShould()
			.haveRawType(float.class)
			.orShould()
			.haveRawType(Double.class)
			.orShould()
			.haveRawType(Float.class)
			.allowEmptyShould(true)
			.check(MAIN);
	}
}
