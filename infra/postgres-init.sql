-- The vector extension itself is created by the migrations.
CREATE DATABASE clinic_hub_test;
