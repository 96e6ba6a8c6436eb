-- List prices (USD per million tokens) of common OpenAI and Anthropic models, so that cost and budgets work
-- out of the box. A row is added only where none exists for that provider and model, and every row stays
-- editable through /api/pricing. The provider column names a provider; a price is also found through the
-- provider's type (API docs in README), so these rows serve any provider of type openai or anthropic.
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('f70a5422-f5b3-5ab6-9313-af15b782406f' AS UUID), 'openai', 'gpt-5', 1.25, 10.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-5');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('9583b686-218c-5cc1-8893-cddfdf50da76' AS UUID), 'openai', 'gpt-5-mini', 0.25, 2.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-5-mini');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('468c75f1-2539-5e96-b12a-8c14c4468820' AS UUID), 'openai', 'gpt-5-nano', 0.05, 0.40, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-5-nano');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('b96f581d-8d28-5828-922d-7760aa46ed76' AS UUID), 'openai', 'gpt-4.1', 2.00, 8.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-4.1');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('f3719c7b-9491-5b06-b808-aaf296c64e18' AS UUID), 'openai', 'gpt-4.1-mini', 0.40, 1.60, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-4.1-mini');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('34c28290-4eba-50f6-8fa8-c67d942cee12' AS UUID), 'openai', 'gpt-4.1-nano', 0.10, 0.40, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-4.1-nano');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('64ce0912-604b-525c-a8f4-674bb05926a2' AS UUID), 'openai', 'gpt-4o', 2.50, 10.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-4o');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('fd5f585e-076c-5af9-9c2b-c892940fc603' AS UUID), 'openai', 'gpt-4o-mini', 0.15, 0.60, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-4o-mini');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('320d0266-114a-5652-9ed4-24ae5aeddec8' AS UUID), 'openai', 'o3', 2.00, 8.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'o3');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('b093454c-cb23-5ad6-9fce-9e61fce7b986' AS UUID), 'openai', 'o4-mini', 1.10, 4.40, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'o4-mini');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('92482bc7-859b-5534-b310-927b54bc3122' AS UUID), 'openai', 'o1', 15.00, 60.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'o1');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('a076aaed-7b1c-5d5b-a7c6-575bec3571a3' AS UUID), 'openai', 'gpt-3.5-turbo', 0.50, 1.50, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'gpt-3.5-turbo');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('46fead7f-fbcd-56cf-8ee9-09027ef704e5' AS UUID), 'openai', 'text-embedding-3-small', 0.02, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'text-embedding-3-small');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('275258c4-727a-58a1-b3df-4590ee7766f6' AS UUID), 'openai', 'text-embedding-3-large', 0.13, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'openai' AND model = 'text-embedding-3-large');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('ec65f018-8c66-5818-a9ca-90be6b3c7d79' AS UUID), 'anthropic', 'claude-opus-4-1', 15.00, 75.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-opus-4-1');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('2b2a9aa4-0f71-5c48-8481-34db858345b1' AS UUID), 'anthropic', 'claude-opus-4', 15.00, 75.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-opus-4');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('94569a5f-cd0c-5da1-9ce5-fa8020bb7681' AS UUID), 'anthropic', 'claude-sonnet-4-5', 3.00, 15.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-sonnet-4-5');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('3c1474b5-0fe2-58c5-ae2f-3691fe424bf3' AS UUID), 'anthropic', 'claude-sonnet-4', 3.00, 15.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-sonnet-4');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('8bc5d1c6-606f-57ef-ac82-4339ea79a045' AS UUID), 'anthropic', 'claude-3-7-sonnet', 3.00, 15.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-3-7-sonnet');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('45e35ddf-ea3d-58f5-9ced-b830ee82397f' AS UUID), 'anthropic', 'claude-3-5-sonnet', 3.00, 15.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-3-5-sonnet');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('bf03ac43-762f-5ad9-b269-3055f25af700' AS UUID), 'anthropic', 'claude-haiku-4-5', 1.00, 5.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-haiku-4-5');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('d5d05fea-d023-5ef1-b945-50e2d20086ce' AS UUID), 'anthropic', 'claude-3-5-haiku', 0.80, 4.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-3-5-haiku');
INSERT INTO pricing (id, provider, model, input_per_million, output_per_million, created_at, updated_at)
    SELECT CAST('52c878da-c8da-5e13-a268-a0f21e069696' AS UUID), 'anthropic', 'claude-3-haiku', 0.25, 1.25, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    WHERE NOT EXISTS (SELECT 1 FROM pricing WHERE provider = 'anthropic' AND model = 'claude-3-haiku');
