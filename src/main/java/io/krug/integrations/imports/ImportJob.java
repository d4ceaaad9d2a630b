package io.krug.integrations.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@value #TASK}: a db-scheduler one-time task per import (instance id = the import's id, data = its program), run
 * once across replicas; a replica that dies mid-import is detected by db-scheduler and the job runs again, finding
 * the rows it recorded as duplicates.
 */
@Configuration(proxyBeanMethods = false)
class ImportJob {

	static final String TASK = "integrations-import";

	@Bean
	OneTimeTask<String> integrationsImportTask(ImportRunner runner) {
		return Tasks.oneTime(TASK, String.class)
			.execute((instance, context) -> TenantContext.run(ProgramId.of(instance.getData()),
					() -> runner.run(UUID.fromString(instance.getId()))));
	}
}
