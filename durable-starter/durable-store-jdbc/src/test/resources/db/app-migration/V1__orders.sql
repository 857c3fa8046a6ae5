-- stands for an application's own migrations, next to which the durable store's live
CREATE TABLE app_orders (id INTEGER PRIMARY KEY, customer VARCHAR(100));
