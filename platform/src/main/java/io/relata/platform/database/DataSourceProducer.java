package io.relata.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The application's data source as a CDI bean, so that services take it in their constructor and
 * can be built without a container in tests.
 */
@ApplicationScoped
public class DataSourceProducer {

  @Produces
  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;
}
