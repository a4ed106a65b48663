-- Issue 17: migration 004 named the province's bodies as they were before the 2025 merger ("Sở Thông tin và Truyền
-- thông tỉnh Kon Tum", …). Their names are the deployment's, from its area.json (today: Sở Khoa học và Công nghệ
-- tỉnh Quảng Ngãi, Công an tỉnh Quảng Ngãi, Ủy ban nhân dân tỉnh Quảng Ngãi), which a SQL file cannot read: this
-- marks which row stands for which of area.json's bodies, and every start names them from area.json
-- (server/deployment/bodies.ts), in a fresh database and in one made before this migration alike.
ALTER TABLE organisations ADD COLUMN area_body TEXT CHECK (area_body IN ('department', 'police', 'committee'));
CREATE UNIQUE INDEX organisations_area_body ON organisations (area_body) WHERE area_body IS NOT NULL;
UPDATE organisations SET area_body = 'department' WHERE code = 'dic-kontum';
UPDATE organisations SET area_body = 'police' WHERE code = 'police-kontum';
UPDATE organisations SET area_body = 'committee' WHERE code = 'ubnd-kontum';

-- The demo's department account, named after the department of before 2025 by the old seed; only while it still
-- carries that name (an operator's rename stays).
UPDATE users SET display_name = 'Chuyên viên Sở KH&CN' WHERE username = 'dic' AND display_name = 'Chuyên viên Sở TT&TT';
